import ArgumentParser
import Foundation
import PerformaFormats

struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Scrive il modello vuoto del piano da compilare in un foglio di calcolo (XLSX o CSV).",
        discussion: """
        Il foglio Istruzioni descrive ogni foglio e colonna. Il modello compilato si importa con \
        «performa spreadsheet import piano FILE --output piano.yaml». Il modello di rilevazione, con gli indicatori \
        del piano già elencati, si ottiene con «performa spreadsheet export rilevazioni PIANO --output FILE.xlsx».
        """
    )

    @Option(name: .long, help: "File .xlsx da scrivere, oppure cartella per i file CSV.")
    var output: String

    @Option(name: .long, help: "Primo anno del triennio: le colonne dei target e degli importi sono per quegli anni (predefinito: l'anno in corso).")
    var year: Int?

    @Option(name: .long, help: "Formato: xlsx oppure csv (predefinito: xlsx se --output finisce in .xlsx, altrimenti csv).")
    var format: SpreadsheetCommandSupport.Format?

    func run() async throws {
        let first = year ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        guard (1900...2200).contains(first) else { throw ValidationError("Anno non valido per --year: \(first).") }
        let resolved = SpreadsheetCommandSupport.Format.resolve(format, output: output)
        try SpreadsheetCommandSupport.write(TemplateWorkbook.tables(year: first), format: resolved, to: output)
        print("Scritto il modello del piano \(first)-\(first + 2) in \(output).")
    }
}
