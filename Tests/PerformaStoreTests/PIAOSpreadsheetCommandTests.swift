import Foundation
import Performa
import PerformaFormats
import Testing

/// `performa spreadsheet export rischi|fabbisogni` run as the real executable on a generated plan with a PIAO.
@Suite("Command line: the PIAO's workbooks")
struct PIAOSpreadsheetCommandTests {
    @Test("rischi and fabbisogni as XLSX and CSV; a plan without the PIAO, or without the part asked for, is refused in Italian")
    func export() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-piao-sheets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let planPath = folder.appendingPathComponent("piano.yaml").path
        let generated = try PerformaBinary.run(["generate", "--organizations", "1", "--indicators-per-org", "30", "--piao-employees", "120",
                                                "--output", planPath])
        #expect(generated.status == 0, "\(generated.errors)")
        let plan = try PlanFile.read(contentsOf: URL(fileURLWithPath: planPath))
        let register = try #require(plan.piao?.risks)

        let rischi = folder.appendingPathComponent("rischi.xlsx")
        let written = try PerformaBinary.run(["spreadsheet", "export", "rischi", planPath, "--output", rischi.path])
        #expect(written.status == 0, "\(written.errors)")
        #expect(written.output.contains("Processi, Eventi rischiosi, Misure, Trasparenza"))
        let sheets = try XLSXReader.sheets(contentsOf: rischi)
        #expect(sheets.map(\.name) == ["Processi", "Eventi rischiosi", "Misure", "Trasparenza"])
        #expect(sheets[0].rows.count == register.processes.count + 1)
        #expect(sheets[2].rows.dropFirst().map { $0.cells[0]?.text } == register.measures.map(\.key))

        let fabbisogni = folder.appendingPathComponent("fabbisogni")
        let csv = try PerformaBinary.run(["spreadsheet", "export", "fabbisogni", planPath, "--format", "csv", "--output", fabbisogni.path])
        #expect(csv.status == 0, "\(csv.errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: fabbisogni.path).sorted()
        #expect(files == ["Capacità assunzionale.csv", "Formazione.csv", "Movimenti.csv", "Personale iniziale.csv", "Proiezione.csv"])
        let projection = try String(contentsOf: fabbisogni.appendingPathComponent("Proiezione.csv"), encoding: .utf8)
        #expect(projection.contains("Al 31/12/2023"))

        var bare = plan
        bare.piao = nil
        let barePath = folder.appendingPathComponent("senza-piao.yaml")
        try PlanFile.yaml(bare).write(to: barePath, atomically: true, encoding: .utf8)
        let refused = try PerformaBinary.run(["spreadsheet", "export", "rischi", barePath.path, "--output", folder.appendingPathComponent("x.xlsx").path])
        #expect(refused.status != 0)
        #expect(refused.errors.contains("Il piano non contiene il PIAO"))

        var noRegister = plan
        noRegister.piao?.risks = nil
        let noRegisterPath = folder.appendingPathComponent("senza-registro.yaml")
        try PlanFile.yaml(noRegister).write(to: noRegisterPath, atomically: true, encoding: .utf8)
        let partial = try PerformaBinary.run(["spreadsheet", "export", "rischi", noRegisterPath.path, "--output", folder.appendingPathComponent("y.xlsx").path])
        #expect(partial.status != 0)
        #expect(partial.errors.contains("Il PIAO del piano non contiene il registro dei rischi"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("y.xlsx").path))
    }
}
