import Foundation
import Performa
import PerformaFormats
import Testing

/// `performa people` and `performa appraisal`, run as the real executable on the Brescia demo's files.
@Suite("Command line: people and appraisal")
struct AppraisalCommandTests {
    static func example(_ name: String) -> String { TestPlans.repository.appendingPathComponent("examples/\(name)").path }
    static let inputs = [example("cciaa-brescia-2021-2023.yaml"), "--year", "2021", "--results", example("results-2021.yaml"),
                         "--smvp", example("smvp-cciaa-brescia.yaml"), "--people", example("personale-illustrativo-2021.csv"),
                         "--schede", example("valutazioni-illustrative-2021.yaml")]

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-appraisal-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("people import checks the table and converts it; a wrong fiscal code is named by row and column; template and export")
    func people() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = Self.example("personale-illustrativo-2021.csv")
        let checked = try PerformaBinary.run(["people", "import", csv])
        #expect(checked.status == 0)
        #expect(checked.output.contains("134 persone"))
        let xlsx = folder.appendingPathComponent("personale.xlsx")
        let converted = try PerformaBinary.run(["people", "import", csv, "--output", xlsx.path])
        #expect(converted.status == 0)
        #expect(try PeopleFile.read(contentsOf: xlsx) == PeopleFile.read(contentsOf: URL(fileURLWithPath: csv)))
        let exported = try PerformaBinary.run(["people", "export", "--people", xlsx.path])
        #expect(exported.status == 0)
        #expect(try PeopleCSV.people(fromCSV: exported.output) == PeopleFile.read(contentsOf: URL(fileURLWithPath: csv)))

        var text = try String(contentsOfFile: csv, encoding: .utf8)
        text = text.replacingOccurrences(of: "p040;Persona illustrativa 040;;", with: "p040;Persona illustrativa 040;RSSMRA80A01H501X;")
        let broken = folder.appendingPathComponent("rotto.csv")
        try text.write(to: broken, atomically: true, encoding: .utf8)
        let refused = try PerformaBinary.run(["people", "import", broken.path, "--output", folder.appendingPathComponent("mai.csv").path])
        #expect(refused.status == 2)
        #expect(refused.errors.contains("rotto.csv"))
        #expect(refused.errors.contains("riga 45"))
        #expect(refused.errors.contains("colonna Codice fiscale"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("mai.csv").path))

        let template = folder.appendingPathComponent("modello.xlsx")
        #expect(try PerformaBinary.run(["people", "template", "--output", template.path]).status == 0)
        let sheets = try XLSXReader.sheets(contentsOf: template)
        #expect(sheets.map(\.name) == ["Istruzioni", "Personale"])
        #expect(try PeopleFile.read(contentsOf: template).isEmpty)
    }

    @Test("people import writes the year's staff to the store and people export reads it back", arguments: TestBackend.allCases)
    func peopleInStore(backend: TestBackend) async throws {
        try await backend.withEmptyDatabase { url in
            let database = ["--database", url.description]
            let csv = Self.example("personale-illustrativo-2021.csv")
            let store = ["--organization", "cciaa-brescia", "--year", "2021"] + database
            let noPlan = try PerformaBinary.run(["people", "import", csv] + store)
            #expect(noPlan.status == 1 && noPlan.errors.contains("importare prima il piano"))
            #expect(try PerformaBinary.run(["import", TestPlans.bresciaURL.path] + database).status == 0)
            let imported = try PerformaBinary.run(["people", "import", csv] + store)
            #expect(imported.status == 0)
            #expect(imported.output.contains("Personale 2021 dell'ente «cciaa-brescia» sostituito nel database: 134 persone."))
            let exported = try PerformaBinary.run(["people", "export"] + store)
            #expect(exported.status == 0)
            let original = try PeopleFile.read(contentsOf: URL(fileURLWithPath: csv))
            #expect(try PeopleCSV.people(fromCSV: exported.output) == original.sorted { $0.id < $1.id })
            let half = try PerformaBinary.run(["people", "export", "--organization", "cciaa-brescia"] + database)
            #expect(half.status != 0 && half.errors.contains("servono insieme --organization e --year"))
        }
    }

    @Test("appraisal score: the worked examples' schede in text, every scheda as CSV and XLSX rows")
    func score() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = try PerformaBinary.run(["appraisal", "score"] + Self.inputs + ["--person", "taioli"])
        #expect(one.status == 0)
        #expect(one.output.contains("SCHEDA DI VALUTAZIONE 2021 — Taioli Cristiana (taioli)"))
        #expect(one.output.contains("20,00% × 97,88 + 20,00% × 99,29 + 30,00% × 99,63 + 20,00% × 85,00 + 10,00% × 88,39 = 95,16 punti su 100."))
        #expect(one.output.contains("Punteggio finale: 95,16 punti su 100"))
        let employee = try PerformaBinary.run(["appraisal", "score"] + Self.inputs + ["--person", "p040"])
        #expect(employee.output.contains("OI.2/1 Manuale pubblicato: target «entro il 30/09/2021», rilevato «10/10/2021» → 90,00%"))
        #expect(employee.output.contains("30,00% × 99,29 + 30,00% × 90,00 + 40,00% × 80,00 = 88,79 punti su 100."))

        let csv = try PerformaBinary.run(["appraisal", "score"] + Self.inputs + ["--format", "csv"])
        #expect(csv.status == 0)
        let grid = try CSVReader.grid(csv.output, name: "Schede")
        #expect(grid.rows.count == 135)
        #expect(csv.output.contains("p040;Persona illustrativa 040;comparto;taioli;12;;99,29%;;90,00%;80,00%;;88,79;completo;"))

        let xlsx = folder.appendingPathComponent("schede.xlsx")
        let written = try PerformaBinary.run(["appraisal", "score"] + Self.inputs + ["--format", "xlsx", "--output", xlsx.path])
        #expect(written.status == 0)
        #expect(try XLSXReader.sheets(contentsOf: xlsx).map(\.name) == ["Schede", "Differenziazione"])
        let noOutput = try PerformaBinary.run(["appraisal", "score"] + Self.inputs + ["--format", "xlsx"])
        #expect(noOutput.status != 0 && noOutput.errors.contains("serve --output"))
    }

    @Test("appraisal bonus: every fund shared to the cent in text, CSV and XLSX")
    func bonus() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try PerformaBinary.run(["appraisal", "bonus"] + Self.inputs)
        #expect(text.status == 0)
        #expect(text.output.contains("Personale del comparto: fondo € 120.000,00"))
        #expect(text.output.contains("Distribuito € 120.000,00 a "))
        #expect(text.output.contains("Distribuito € 45.000,00 a 4 persone: il fondo è distribuito per intero."))
        let csv = try PerformaBinary.run(["appraisal", "bonus"] + Self.inputs + ["--format", "csv", "--output", folder.appendingPathComponent("premi.csv").path])
        #expect(csv.status == 0)
        let rows = try CSVReader.grid(contentsOf: folder.appendingPathComponent("premi.csv"), name: "Premi").rows
        let header = rows[0].cells
        let profileColumn = try #require(header.first { $0.value.text == "Profilo" }?.key)
        let centsColumn = try #require(header.first { $0.value.text == "Premio in centesimi" }?.key)
        var totals: [String: Int] = [:]
        for row in rows.dropFirst() {
            totals[row.cells[profileColumn]?.text ?? "", default: 0] += Int(row.cells[centsColumn]?.text ?? "") ?? 0
        }
        #expect(totals == ["dirigenti": 4_500_000, "eq": 1_800_000, "comparto": 12_000_000])
        let xlsx = folder.appendingPathComponent("premi.xlsx")
        #expect(try PerformaBinary.run(["appraisal", "bonus"] + Self.inputs + ["--format", "xlsx", "--output", xlsx.path]).status == 0)
        let sheet = try #require(try XLSXReader.sheets(contentsOf: xlsx).first)
        #expect(sheet.name == "Premi")
        let euroColumn = try #require(sheet.rows[0].cells.first { $0.value.text == "Premio" }?.key)
        let total = sheet.rows.dropFirst().reduce(0) { sum, row in
            if case .number(let euros, _)? = row.cells[euroColumn] { return sum + Int((euros * 100).rounded()) }
            return sum
        }
        #expect(total == 4_500_000 + 1_800_000 + 12_000_000)
    }

    @Test("a wrong appraisal file names its line and field; a year that is not the file's is refused")
    func errors() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try String(contentsOfFile: Self.example("valutazioni-illustrative-2021.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "profile: comparto, euros: 120000.0", with: "profile: impiegati, euros: 120000.0")
        let broken = folder.appendingPathComponent("valutazioni.yaml")
        try text.write(to: broken, atomically: true, encoding: .utf8)
        var arguments = Self.inputs
        arguments[arguments.count - 1] = broken.path
        let refused = try PerformaBinary.run(["appraisal", "bonus"] + arguments)
        #expect(refused.status == 2)
        #expect(refused.errors.contains("valutazioni.yaml, riga 17 (campo funds[3].profile): profilo «impiegati» inesistente nel SMVP"))
        var otherYear = Self.inputs
        otherYear[2] = "2022"
        let year = try PerformaBinary.run(["appraisal", "score"] + otherYear)
        #expect(year.status != 0 && year.errors.contains("è dell'anno 2021, non del 2022"))
    }
}
