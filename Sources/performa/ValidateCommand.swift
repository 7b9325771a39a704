import ArgumentParser
import Performa
import PerformaFormats

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Controlla la coerenza del piano: pesi, target, codici, assegnazioni, risorse, qualità degli indicatori.",
        discussion: "Esce con stato 1 se trova errori, 0 se trova solo avvisi o nulla, 2 se il file non è leggibile."
    )

    @Argument(help: "Il file del piano (YAML o JSON).")
    var plan: String

    @Option(name: .long, help: "Formato dell'elenco: text oppure json.")
    var format: OutputFormat = .text

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() async throws {
        let loaded = try CommandSupport.loadPlan(plan)
        let diagnostics = PlanValidator().validate(loaded)
        switch format {
        case .json:
            print(try DiagnosticsText.json(diagnostics), terminator: "")
        case .text:
            print(DiagnosticsText.render(diagnostics, planTitle: "\(loaded.organization.name) – \(loaded.title)"), terminator: "")
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
