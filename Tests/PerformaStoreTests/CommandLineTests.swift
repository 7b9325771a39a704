import Foundation
import Performa
import PerformaFormats
import Testing
@testable import PerformaStore

@Suite("Command line: import, export, measurements, backup, restore")
struct CommandLineTests {
    static let brokenPlan = """
        format: performa-plan/1
        id: prova
        title: Piano di prova
        span: {from: 2021, to: 2023}
        year: 2021
        status: draft
        organization: {id: ente-rotto, name: Ente, managers: []}
        areas:
          - code: "1"
            title: Area uno
            objectives:
              - code: "1.1"
                title: Obiettivo
                weight: cinquanta
                indicators: []
                operationalObjectives: []
        """

    @Test("import → export → import with the Brescia file; a broken file writes nothing and names line and field", arguments: TestBackend.allCases)
    func importExport(backend: TestBackend) async throws {
        let original = try TestPlans.brescia()
        try await backend.withEmptyDatabase { url in
            let database = ["--database", url.description]
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }

            let broken = folder.appendingPathComponent("rotto.yaml")
            try Self.brokenPlan.write(to: broken, atomically: true, encoding: .utf8)
            let refused = try PerformaBinary.run(["import", broken.path] + database)
            #expect(refused.status == 2)
            #expect(refused.errors.contains("rotto.yaml, riga 14 (campo areas[1].objectives[1].weight)"))

            let imported = try PerformaBinary.run(["import", TestPlans.bresciaURL.path] + database)
            #expect(imported.status == 0)
            #expect(imported.output.contains("Creato l'ente «cciaa-brescia»"))
            #expect(imported.output.contains("Piano «cciaa-brescia-2021-2023» importato"))
            #expect(imported.output.contains("Il validatore segnala"))

            let exported = folder.appendingPathComponent("esportato.yaml")
            let export = try PerformaBinary.run(["export", original.id, "--output", exported.path] + database)
            #expect(export.status == 0)
            #expect(try PlanFile.read(contentsOf: exported) == original)
            let json = try PerformaBinary.run(["export", original.id, "--format", "json", "--version", "1"] + database)
            #expect(try PlanFile.read(json.output, fileName: "piano.json") == original)
            let again = try PerformaBinary.run(["import", exported.path] + database)
            #expect(again.output.contains("è già presente e identico (versione 1): nessuna modifica"))
            let missing = try PerformaBinary.run(["export", original.id, "--version", "2"] + database)
            #expect(missing.status == 1 && missing.errors.contains("La versione 2 del piano «cciaa-brescia-2021-2023» non esiste."))

            let directory = try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in try await store.organizationDirectory() }
            #expect(directory.map(\.id) == ["cciaa-brescia"])
        }
    }

    @Test("measurements import is transactional and idempotent; history shows the corrections", arguments: TestBackend.allCases)
    func measurementsImport(backend: TestBackend) async throws {
        try await backend.withEmptyDatabase { url in
            let database = ["--database", url.description]
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(try PerformaBinary.run(["import", TestPlans.bresciaURL.path] + database).status == 0)

            // The last value is wrong: nothing of the file is written.
            var lines = try String(contentsOf: TestPlans.bresciaResultsURL, encoding: .utf8).components(separatedBy: "\n")
            let list = try #require(lines.firstIndex(of: "measurements:"))
            lines.insert(contentsOf: ["  - indicator: \"1.1/1\"", "    at: 2021-12-31", "    value: \"1.000\""], at: list + 1)
            let broken = folder.appendingPathComponent("risultati-rotti.yaml")
            try lines.joined(separator: "\n").write(to: broken, atomically: true, encoding: .utf8)
            let refused = try PerformaBinary.run(["measurements", "import", broken.path] + database)
            #expect(refused.status == 2)
            #expect(refused.errors.contains("risultati-rotti.yaml, riga \(list + 4) (campo measurements[1].value): 1.1/1: Valore non adatto"))

            let imported = try PerformaBinary.run(["measurements", "import", TestPlans.bresciaResultsURL.path] + database)
            #expect(imported.status == 0)
            let plan = try TestPlans.brescia()
            let results = try ResultsFile.read(contentsOf: TestPlans.bresciaResultsURL, plan: plan)
            #expect(imported.output.contains(": \(results.measurements.count) rilevazioni aggiunte, 0 già presenti"))
            let again = try PerformaBinary.run(["measurements", "import", TestPlans.bresciaResultsURL.path] + database)
            #expect(again.output.contains(": 0 rilevazioni aggiunte, \(results.measurements.count) già presenti"))

            let history = try PerformaBinary.run(["measurements", "history", plan.id, "1.1.2/1", "--at", "2021-12-31"] + database)
            #expect(history.status == 0)
            #expect(history.output.hasPrefix("31/12/2021  n. 1 (valido)  1.489  [performa-cli, "))
        }
    }

    @Test("backup and restore from the command line (SQLite); PostgreSQL points to pg_dump")
    func backupRestore() async throws {
        try await TestBackend.sqlite.withEmptyDatabase { url in
            guard case .sqlite(let path) = url else { return }
            let database = ["--database", url.description]
            let copy = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("backup.sqlite").path
            #expect(try PerformaBinary.run(["import", TestPlans.bresciaURL.path] + database).status == 0)
            let backup = try PerformaBinary.run(["backup", copy] + database)
            #expect(backup.status == 0 && backup.output.hasPrefix("Backup completato: \(copy) ("))
            #expect(backup.output.contains("enti: 1, piani: 1, rilevazioni: 0"))
            #expect(try PerformaBinary.run(["measurements", "import", TestPlans.bresciaResultsURL.path] + database).status == 0)
            let restore = try PerformaBinary.run(["restore", copy] + database)
            #expect(restore.status == 0 && restore.output.contains("rilevazioni: 0"))
            let viaEnvironment = try PerformaBinary.run(["export", "cciaa-brescia-2021-2023"], environment: ["PERFORMA_DATABASE_URL": url.description])
            #expect(try PlanFile.read(viaEnvironment.output) == TestPlans.brescia())

            let postgres = try PerformaBinary.run(["backup", copy + ".2", "--database", "postgres://performa@127.0.0.1:1/performa"])
            #expect(postgres.status == 1 && postgres.errors.contains("pg_dump"))
            let bad = try PerformaBinary.run(["export", "x", "--database", "mysql://x"])
            #expect(bad.status == 2 && bad.errors.contains("Indirizzo del database non valido"))
        }
    }

    @Test("every store command has Italian help")
    func help() throws {
        for command in [["import"], ["export"], ["measurements"], ["measurements", "import"], ["measurements", "history"], ["backup"], ["restore"]] {
            let outcome = try PerformaBinary.run(command + ["--help"])
            #expect(outcome.status == 0)
            #expect(outcome.output.contains("Il database: sqlite:PERCORSO") || command == ["measurements"])
        }
        #expect(try PerformaBinary.run(["--help"]).output.contains("import") == true)
        #expect(try PerformaBinary.run(["--help"]).output.contains("write-drill") == false)
    }
}
