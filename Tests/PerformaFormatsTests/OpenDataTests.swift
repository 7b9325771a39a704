import Foundation
import Testing
import Performa
@testable import PerformaFormats

@Suite("Open data for Amministrazione Trasparente")
struct OpenDataTests {
    /// The published header lines: changing them breaks every consumer, so they are spelled out here.
    static let objectiveHeader = "piano,ente,anno,livello,codice,codice_padre,area_codice,area_titolo,titolo,peso,missione,programma,responsabili,risorse_euro,numero_indicatori,aggiuntivo"
    static let indicatorHeader = "piano,anno,codice_obiettivo,numero_indicatore,codice_indicatore,livello_obiettivo,descrizione,target_storico,scadenza,target,tipo_target,valore_target,peso,documentazione,motivo_neutralizzazione"
    static let resultsHeader = "piano,scadenza,livello,codice,titolo,codice_padre,peso,target,valore_rilevato,raggiungimento,raggiungimento_calcolato,motivo_correzione_oiv,stato,nota,illustrativo"

    func tables() throws -> (plan: Plan, card: Scorecard, tables: [OpenDataTable]) {
        let plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let card = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
        return (plan, card, OpenDataExport.tables(plan: plan, scorecard: card))
    }

    func records(_ table: OpenDataTable) throws -> [[String]] {
        try CSVReader.grid(table.csv, name: table.name).rows.dropFirst().map { row in
            (0..<table.columns.count).map { row.cells[$0]?.text ?? "" }
        }
    }

    @Test("the header lines are exactly the documented ones")
    func headerLines() throws {
        let (_, _, tables) = try tables()
        #expect(tables.map(\.name) == ["obiettivi", "indicatori", "risultati"])
        #expect(tables[0].csv.hasPrefix(Self.objectiveHeader + "\r\n"))
        #expect(tables[1].csv.hasPrefix(Self.indicatorHeader + "\r\n"))
        #expect(tables[2].csv.hasPrefix(Self.resultsHeader + "\r\n"))
        #expect(!tables[0].csv.hasPrefix("\u{FEFF}"), "no byte order mark in open data")
    }

    @Test("every objective of the plan appears once in obiettivi, with its weight and title; every target in indicatori")
    func everyObjective() throws {
        let (plan, _, tables) = try tables()
        let rows = try records(tables[0])
        let index = PlanIndex(plan)
        #expect(rows.map { $0[4] } == index.entries.map(\.key))
        for (row, entry) in zip(rows, index.entries) {
            #expect(row[8] == entry.sheet.title)
            #expect(row[9] == (entry.sheet.weight.map { OpenDataValue.decimal($0) } ?? ""))
            #expect(row[14] == String(entry.sheet.indicators.count))
        }
        let strategic = try #require(rows.first { $0[4] == "1.1" })
        #expect(strategic[3] == "strategico" && strategic[5] == "" && strategic[6] == "1" && strategic[9] == "50")
        #expect(strategic[12] == "Antonella Vairano", "the managers the objective is assigned to")
        #expect(strategic[13] == "92058.55", "resources of 2021: € 50.000,00 + € 42.058,55")
        let agency = try #require(rows.first { $0[4] == "PB.1" })
        #expect(agency[3] == "azienda_speciale" && agency[5] == "pro-brixia" && agency[6] == "")
        let unreadable = try #require(rows.first { $0[4] == "1.2.1" })
        #expect(unreadable[13] == "", "an unreadable amount (€ _____) makes the total null, not a partial sum")

        let targets = try records(tables[1])
        let expected = index.indicators.reduce(0) { $0 + $1.indicator.targets.count }
        #expect(targets.count == expected)
        let first = try #require(targets.first { $0[4] == "1.1.2/1" && $0[8] == "2021-12-31" })
        #expect(first[9] == "1489" && first[10] == "quantita_minima" && first[11] == "1489" && first[12] == "30")
        let percent = try #require(targets.first { $0[4] == "1.1.1/1" && $0[8] == "2021-06-30" })
        #expect(percent[10] == "percentuale_minima" && percent[11] == "70")
        let strategicTarget = try #require(targets.first { $0[4] == "1.1/1" && $0[8] == "2022-12-31" })
        #expect(strategicTarget[12] == "30", "a strategic indicator's weight for that year")
    }

    @Test("results: every objective and indicator with its achievement; managers are not published")
    func results() throws {
        let (plan, card, tables) = try tables()
        let rows = try records(tables[2])
        #expect(!rows.contains { $0[2] == "dirigente" })
        for entry in PlanIndex(plan).entries {
            let row = try #require(rows.first { $0[3] == entry.key && $0[2] != "indicatore" }, "\(entry.key) missing")
            let score = try #require(card.objective(entry.key))
            #expect(row[9] == (score.score.percent.map { OpenDataValue.decimal($0) } ?? ""))
        }
        let entity = try #require(rows.first { $0[2] == "ente" })
        #expect(entity[9] == OpenDataValue.decimal(try #require(card.result.percent)))
        #expect(rows.allSatisfy { $0[14] == "true" }, "the illustrative results say so on every row")
        #expect(rows.filter { $0[2] == "indicatore" }.count == card.indicators.count)
    }

    @Test("the JSON mirrors the CSV: same keys in the same order, null for empty fields, numbers as numbers")
    func jsonMirrorsCSV() throws {
        let (_, _, tables) = try tables()
        for table in tables {
            let objects = try #require(try JSONSerialization.jsonObject(with: Data(table.json.utf8)) as? [[String: Any]])
            let csv = try records(table)
            #expect(objects.count == csv.count, "\(table.name)")
            for (object, row) in zip(objects, csv) {
                #expect(Set(object.keys) == Set(table.columns.map(\.name)))
                for (column, field) in zip(table.columns, row) {
                    let value = object[column.name]
                    switch column.type {
                    case _ where field.isEmpty: #expect(value is NSNull, "\(table.name).\(column.name) should be null")
                    case "numero", "intero": #expect((value as? NSNumber).map { OpenDataValue.decimal($0.doubleValue) } == field)
                    case "booleano": #expect((value as? Bool).map { $0 ? "true" : "false" } == field)
                    default: #expect(value as? String == field)
                    }
                }
            }
            // Keys in column order, as written.
            let firstLine = try #require(table.json.split(separator: "\n").dropFirst().first)
            let keys = table.columns.map { "\"\($0.name)\":" }
            var position = firstLine.startIndex
            for key in keys {
                let found = try #require(firstLine.range(of: key, range: position..<firstLine.endIndex), "\(key) out of order")
                position = found.upperBound
            }
        }
    }

    @Test("written to a folder: the six files")
    func files() throws {
        let (_, _, tables) = try tables()
        let folder = try SpreadsheetTestSupport.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try OpenDataExport.write(tables, to: folder)
        #expect(written == ["obiettivi.csv", "obiettivi.json", "indicatori.csv", "indicatori.json", "risultati.csv", "risultati.json"])
        let text = try String(contentsOf: folder.appendingPathComponent("obiettivi.csv"), encoding: .utf8)
        #expect(text.hasPrefix(Self.objectiveHeader))
    }
}
