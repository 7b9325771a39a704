import ArgumentParser
import Foundation
import Performa
import PerformaFormats

struct AppraisalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appraisal",
        abstract: "Valutazione della performance individuale: schede di valutazione e premi dell'anno.",
        discussion: """
        Le componenti organizzative vengono dal Piano e dai suoi risultati; gli obiettivi individuali, le valutazioni \
        dei comportamenti e i fondi dal file delle valutazioni (docs/appraisal-file-format.md); regole e pesi dal SMVP \
        (docs/smvp-format.md); il calcolo è descritto in docs/appraisal.md.
        """,
        subcommands: [AppraisalScoreCommand.self, AppraisalBonusCommand.self]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, xlsx }
}

/// The inputs both appraisal commands read: plan, results, SMVP, people and the year's schede.
struct AppraisalInputs: ParsableArguments {
    @Argument(help: "Il file del piano (YAML o JSON).")
    var plan: String

    @Option(name: .long, help: "L'anno delle schede (es. 2021).")
    var year: Int

    @Option(name: .long, help: "Il file dei risultati del piano (rilevazioni, neutralizzazioni, correzioni OIV).")
    var results: String

    @Option(name: .long, help: "Il file del SMVP (performa-smvp/1).")
    var smvp: String

    @Option(name: .long, help: "La tabella del personale (file .csv o .xlsx).")
    var people: String

    @Option(name: .long, help: "Il file delle valutazioni dell'anno (performa-valutazioni/1): obiettivi individuali, comportamenti, fondi.")
    var schede: String

    /// Everything read and checked; the schede computed. A file that cannot be read exits with status 2.
    func load() throws -> (context: AppraisalContext, file: AppraisalYear, schede: [Appraisal]) {
        let loadedPlan = try CommandSupport.loadPlan(plan)
        let measured = try CommandSupport.loadResults(results, plan: loadedPlan)
        let loadedSMVP = try CommandSupport.reporting { try SMVPFile.read(contentsOf: URL(fileURLWithPath: smvp)) }
        let staff = try PeopleCommand.load(people, format: nil)
        let file = try CommandSupport.reporting {
            try AppraisalYearFile.read(contentsOf: URL(fileURLWithPath: schede), smvp: loadedSMVP, people: staff)
        }
        guard file.year == year else {
            throw ValidationError("Il file delle valutazioni «\(schede)» è dell'anno \(file.year), non del \(year).")
        }
        guard loadedPlan.span.from <= year && year <= loadedPlan.span.to else {
            throw ValidationError("L'anno \(year) è fuori dal periodo del piano (\(loadedPlan.span.from)–\(loadedPlan.span.to)).")
        }
        guard loadedSMVP.organization == loadedPlan.organization.id else {
            throw ValidationError("Il SMVP è dell'ente «\(loadedSMVP.organization)», il piano di «\(loadedPlan.organization.id)».")
        }
        let card = Scorer(plan: loadedPlan).scorecard(results: measured, at: .yearEnd(year))
        let context = AppraisalContext(smvp: loadedSMVP, organization: loadedPlan.organization, scorecard: card, year: year,
                                       people: staff, inputs: file.inputs)
        return (context, file, AppraisalScoring.appraiseAll(context))
    }
}

/// Text or a CSV table to the screen or a file; XLSX to a file only.
enum AppraisalOutput {
    static func write(text: () -> String, tables: () -> [SheetTable], format: AppraisalCommand.Format, output: String?) throws {
        switch format {
        case .text: try CommandSupport.write(text(), to: output)
        case .csv: try CommandSupport.write(tables().map(SpreadsheetCSV.text).joined(separator: "\r\n"), to: output)
        case .xlsx:
            guard let output else { throw ValidationError("Per il formato xlsx serve --output FILE.xlsx.") }
            do {
                try XLSXWriter.write(tables(), to: URL(fileURLWithPath: output))
            } catch {
                CommandSupport.printError("Errore: impossibile scrivere «\(output)» (\(error.localizedDescription))")
                throw ExitCode(2)
            }
            print("Scritto \(output) (fogli: \(tables().map(\.name).joined(separator: ", "))).")
        }
    }
}

struct AppraisalScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Calcola le schede di valutazione dell'anno, con ogni passo del calcolo.",
        discussion: """
        text: ogni scheda (componenti, obiettivi, comportamenti, passi del calcolo) e il grado di differenziazione. \
        csv: una riga per persona (con --person, solo quella). xlsx: fogli Schede e Differenziazione.
        """
    )

    @OptionGroup var inputs: AppraisalInputs

    @Option(name: .long, help: "Solo la scheda di questa persona (matricola).")
    var person: String?

    @Option(name: .long, help: "Formato: text, csv oppure xlsx.")
    var format: AppraisalCommand.Format = .text

    @Option(name: .long, help: "Scrive il risultato in questo file invece che sullo schermo (necessario per xlsx).")
    var output: String?

    func run() async throws {
        let (context, _, all) = try inputs.load()
        var schede = all
        if let person {
            schede = all.filter { $0.person == person }
            guard !schede.isEmpty else { throw ValidationError("La persona «\(person)» non è nel personale.") }
        }
        let report = DifferentiationReport(appraisals: all, smvp: context.smvp, year: context.year,
                                           evaluatorNames: Dictionary(context.people.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
        try AppraisalOutput.write(
            text: { AppraisalText.schede(schede, context: context) + (person == nil ? "\n" + AppraisalText.differentiation(report) : "") },
            tables: { [AppraisalRows.schede(schede, context: context)] + (person == nil && format == .xlsx ? [AppraisalRows.differentiation(report)] : []) },
            format: format, output: output)
    }
}

struct AppraisalBonusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bonus",
        abstract: "Ripartisce il fondo di ogni profilo del SMVP (dal file delle valutazioni) tra le persone valutate.",
        discussion: """
        Soglia, differenziazione (CCNL Funzioni Locali 2019-21 art. 81) e ripartizione al centesimo come in \
        docs/appraisal.md: la somma dei premi è uguale al fondo. text: importi in euro; csv e xlsx: foglio Premi con \
        gli importi esatti al centesimo.
        """
    )

    @OptionGroup var inputs: AppraisalInputs

    @Option(name: .long, help: "Formato: text, csv oppure xlsx.")
    var format: AppraisalCommand.Format = .text

    @Option(name: .long, help: "Scrive il risultato in questo file invece che sullo schermo (necessario per xlsx).")
    var output: String?

    func run() async throws {
        let (context, file, schede) = try inputs.load()
        guard !file.funds.isEmpty else { throw ValidationError("Il file delle valutazioni non indica alcun fondo (chiave funds).") }
        let distributions = AppraisalBonus.distributions(schede: schede, context: context, funds: file.fundCents(profile:))
        try AppraisalOutput.write(text: { AppraisalText.bonus(distributions, context: context) },
                                  tables: { [AppraisalRows.bonus(distributions, context: context)] }, format: format, output: output)
    }
}
