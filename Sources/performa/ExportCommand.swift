import ArgumentParser
import Foundation
import PerformaFormats
import PerformaStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Esporta un piano dal database come file di piano (YAML o JSON).",
        discussion: "Il file esportato, reimportato, dà un piano identico. Senza --version esporta la versione in vigore."
    )

    @Argument(help: "L'identificativo del piano (es. cciaa-brescia-2021-2023).")
    var planID: String

    @Option(name: .long, help: "Formato: yaml oppure json.")
    var format: Format = .yaml

    @Option(name: .long, help: "La versione da esportare (1 = piano adottato, poi una per revisione).")
    var version: Int?

    @Option(name: .long, help: "L'ente (serve solo se più enti hanno un piano con lo stesso identificativo).")
    var organization: String?

    @Option(name: .long, help: "Scrive il piano in questo file invece che sullo schermo.")
    var output: String?

    @OptionGroup var options: DatabaseOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    func run() async throws {
        let (planID, version, organization) = (self.planID, self.version, self.organization)
        let stored = try await StoreCommandSupport.withStore(options) { store in
            let context = try await StoreCommandSupport.context(for: planID, organization: organization, in: store)
            return try await store.plan(context, id: planID, version: version)
        }
        let text = format == .yaml ? try PlanFile.yaml(stored.plan) : try PlanFile.json(stored.plan)
        try CommandSupport.write(text, to: output)
        if let output {
            CommandSupport.printError("Piano «\(planID)», versione \(stored.info.version) (\(stored.info.status.italian)), scritto in \(output).")
        }
    }
}
