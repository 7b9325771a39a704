import ArgumentParser
import Foundation
import Performa
import PerformaFormats

struct SpreadsheetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spreadsheet",
        abstract: "Esporta piano, rilevazioni e risultati in XLSX o CSV; importa piano e rilevazioni da un foglio di calcolo.",
        discussion: "Fogli e colonne sono descritti in docs/spreadsheets.md; il modello vuoto si ottiene con «performa template».",
        subcommands: [SpreadsheetExportCommand.self, SpreadsheetImportCommand.self]
    )
}

struct SpreadsheetExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Esporta il piano, le rilevazioni o i risultati in XLSX (una cartella di lavoro) o CSV (un file per foglio).",
        discussion: """
        piano: fogli Piano, Obiettivi, Azioni, Indicatori, Risorse, Assegnazioni, Dirigenti, Aziende speciali. \
        rilevazioni: foglio Rilevazioni con le rilevazioni di --results, oppure, senza --results, una riga vuota per \
        indicatore e scadenza dell'anno da compilare. risultati: fogli Risultati e Informazioni alla scadenza --at. \
        rischi: il registro della sottosezione 2.3 del PIAO (Processi, Eventi rischiosi, Misure, Trasparenza). \
        fabbisogni: le tabelle della sottosezione 3.3 del PIAO (Personale iniziale, Movimenti, Proiezione, \
        Capacità assunzionale, Formazione).
        """
    )

    enum Content: String, ExpressibleByArgument, CaseIterable { case piano, rilevazioni, risultati, rischi, fabbisogni }

    @Argument(help: "Cosa esportare: piano, rilevazioni, risultati, rischi (PIAO 2.3) oppure fabbisogni (PIAO 3.3).")
    var content: Content

    @Argument(help: "Il file del piano (YAML o JSON).")
    var plan: String

    @Option(name: .long, help: "Il file dei risultati (necessario per risultati; per rilevazioni esporta quelle registrate).")
    var results: String?

    @Option(name: .long, help: "Scadenza dei risultati, AAAA-MM-GG (predefinita: 31/12 dell'anno del piano).")
    var at: String?

    @Option(name: .long, help: "Anno delle righe da compilare nel modello di rilevazione (predefinito: l'anno del piano).")
    var year: Int?

    @Option(name: .long, help: "Formato: xlsx oppure csv (predefinito: xlsx se --output finisce in .xlsx, altrimenti csv).")
    var format: SpreadsheetCommandSupport.Format?

    @Option(name: .long, help: "File .xlsx da scrivere, oppure cartella per i file CSV.")
    var output: String

    func run() async throws {
        let loaded = try CommandSupport.loadPlan(plan)
        let measured = try results.map { try CommandSupport.loadResults($0, plan: loaded) }
        let tables: [SheetTable]
        switch content {
        case .piano:
            tables = PlanSheetExport.tables(loaded)
        case .rilevazioni:
            tables = [measured.map { MeasurementSheet.table(plan: loaded, results: $0) }
                      ?? MeasurementSheet.template(plan: loaded, year: year ?? loaded.year)]
        case .risultati:
            guard let measured else { throw ValidationError("Per esportare i risultati serve --results FILE.") }
            let checkpoint = try SpreadsheetCommandSupport.checkpoint(at, plan: loaded)
            tables = ScorecardSheet.tables(Scorer(plan: loaded).scorecard(results: measured, at: checkpoint))
        case .rischi:
            try Self.requirePIAO(loaded, part: loaded.piao?.risks != nil, missing: "il registro dei rischi (piao.risks)")
            tables = PIAOSheets.riskRegister(loaded)
        case .fabbisogni:
            try Self.requirePIAO(loaded, part: loaded.piao?.staffing != nil || loaded.piao?.training != nil,
                                 missing: "il piano dei fabbisogni né la formazione (piao.staffing, piao.training)")
            tables = PIAOSheets.staffing(loaded)
        }
        let resolved = SpreadsheetCommandSupport.Format.resolve(format, output: output)
        try SpreadsheetCommandSupport.write(tables, format: resolved, to: output)
        let sheets = tables.map(\.name).joined(separator: ", ")
        print(resolved == .xlsx ? "Scritto \(output) (fogli: \(sheets))." : "Scritti in \(output) i file CSV dei fogli: \(sheets).")
    }

    /// A PIAO export of a plan without the PIAO, or without the part asked for, stops with what is missing.
    private static func requirePIAO(_ plan: Plan, part present: Bool, missing: String) throws {
        guard plan.piao != nil else {
            throw ValidationError("Il piano non contiene il PIAO (chiave piao del file, vedi docs/plan-format.md).")
        }
        guard present else { throw ValidationError("Il PIAO del piano non contiene \(missing): vedi docs/plan-format.md.") }
    }
}

struct SpreadsheetImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importa un piano o delle rilevazioni da un file XLSX, da un file CSV o da una cartella di file CSV.",
        discussion: """
        Il foglio viene letto e controllato per intero prima di scrivere: se è danneggiato o incoerente non si scrive \
        nulla e l'errore indica foglio, riga e colonna. piano: scrive il file del piano; ciò che i fogli non contengono \
        (organi, sedi, personale, capitoli, scenario, POLA, atti) viene da --base. rilevazioni: scrive un file dei \
        risultati per --plan, aggiungendo le rilevazioni a quelle di --base se indicato.
        """
    )

    enum Content: String, ExpressibleByArgument, CaseIterable { case piano, rilevazioni }

    @Argument(help: "Cosa importare: piano oppure rilevazioni.")
    var content: Content

    @Argument(help: "Il foglio di calcolo: file .xlsx, file .csv, o cartella di file .csv (uno per foglio).")
    var input: String

    @Option(name: .long, help: "Il file del piano a cui si riferiscono le rilevazioni (necessario per rilevazioni).")
    var plan: String?

    @Option(name: .long, help: "Piano di base (per piano) o risultati di base (per rilevazioni) da completare.")
    var base: String?

    @Option(name: .long, help: "Il file da scrivere, in YAML (il piano anche in JSON, se il nome finisce in .json).")
    var output: String

    func run() async throws {
        let url = URL(fileURLWithPath: input)
        switch content {
        case .piano:
            let basePlan = try base.map(CommandSupport.loadPlan)
            let imported = try SpreadsheetCommandSupport.reporting {
                try PlanSheetImport.plan(from: try SpreadsheetInput.sheets(at: url), base: basePlan, file: url.lastPathComponent)
            }
            let text = output.lowercased().hasSuffix(".json") ? try PlanFile.json(imported) : try PlanFile.yaml(imported)
            try CommandSupport.write(text, to: output)
            let index = PlanIndex(imported)
            let diagnostics = PlanValidator().validate(imported)
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            print("Piano importato in \(output): \(imported.areas.count) aree, \(index.entries.count) obiettivi, \(index.indicators.count) indicatori.")
            print("Il controllo del piano trova \(errors) errori e \(warnings) avvisi: performa validate \(output)")
        case .rilevazioni:
            guard let plan else { throw ValidationError("Per importare le rilevazioni serve --plan FILE.") }
            let loaded = try CommandSupport.loadPlan(plan)
            let baseResults = try base.map { try CommandSupport.loadResults($0, plan: loaded) }
            let imported = try SpreadsheetCommandSupport.reporting {
                try MeasurementSheetImport.results(from: try SpreadsheetInput.sheets(at: url, csvSheet: MeasurementSheet.schema.name),
                                                   plan: loaded, base: baseResults, file: url.lastPathComponent)
            }
            try CommandSupport.write(try ResultsFile.yaml(imported), to: output)
            let added = imported.measurements.count - (baseResults?.measurements.count ?? 0)
            print("Rilevazioni importate in \(output): \(added) nuove, \(imported.measurements.count) in tutto.")
        }
    }
}
