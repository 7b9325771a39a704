import Foundation
import Performa
import PerformaFormats
import Testing
@testable import PerformaStore

/// Hostile files given to the command line's imports, against a real SQLite store file: each is refused with
/// an Italian message and exit status 2, and the store is exactly as before (same export, same history,
/// same counts). Spreadsheet imports write no output file. The readers' own tests: PerformaFormatsTests.
@Suite("Command line: refused files leave the store unchanged")
struct AdversarialImportTests {
    static let fuzzCorpus = TestPlans.repository.appendingPathComponent("Tests/Fuzz/corpus")

    /// What the store holds, as the command line shows it.
    static func snapshot(_ database: [String], folder: URL) throws -> String {
        let export = try PerformaBinary.run(["export", "cciaa-brescia-2021-2023"] + database)
        let history = try PerformaBinary.run(["measurements", "history", "cciaa-brescia-2021-2023", "1.1.2/1", "--at", "2021-12-31"] + database)
        let copy = folder.appendingPathComponent("copia-\(UUID().uuidString).sqlite").path
        let backup = try PerformaBinary.run(["backup", copy] + database)
        #expect(export.status == 0 && history.status == 0 && backup.status == 0)
        // `Backup completato: FILE (enti: 1, piani: 1, rilevazioni: N…)`: the counts, without the file name.
        let counts = backup.output.components(separatedBy: "(").dropFirst().joined(separator: "(")
        return export.output + history.output + counts
    }

    @Test("plan, results and spreadsheet files that are too large, aliased, non-finite, misdated or not UTF-8 write nothing")
    func refusedImports() async throws {
        try await TestBackend.sqlite.withEmptyDatabase { url in
            let database = ["--database", url.description]
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-adversarial-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(try PerformaBinary.run(["import", TestPlans.bresciaURL.path] + database).status == 0)
            #expect(try PerformaBinary.run(["measurements", "import", TestPlans.bresciaResultsURL.path] + database).status == 0)
            let before = try Self.snapshot(database, folder: folder)

            func file(_ name: String, _ contents: Data) throws -> String {
                let path = folder.appendingPathComponent(name).path
                #expect(FileManager.default.createFile(atPath: path, contents: contents))
                return path
            }
            let plan = try String(contentsOf: TestPlans.bresciaURL, encoding: .utf8)
            let results = try String(contentsOf: TestPlans.bresciaResultsURL, encoding: .utf8)
            let huge = try file("enorme.yaml", Data())
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: huge))
            try handle.truncate(atOffset: UInt64(InputLimits.maximumFileBytes + 1))
            try handle.close()
            var notUTF8 = Data(plan.utf8)
            notUTF8.insert(contentsOf: [0xFF, 0xFE, 0xC0], at: 1_000)
            let weight = try #require(plan.range(of: "weight: 50"))

            let refusals: [(arguments: [String], message: String)] = [
                (["import", Self.fuzzCorpusPath("plan/regression-billion-laughs.yaml")], "ancore e alias YAML (&nome, *nome) non sono ammessi"),
                (["import", huge], "enorme.yaml: il file è troppo grande (51 MB, il massimo è 50 MB)"),
                (["import", try file("nan.yaml", Data(plan.replacingCharacters(in: weight, with: "weight: .nan").utf8))], "numero non valido «.nan»"),
                (["import", try file("codifica.yaml", notUTF8)], "codifica.yaml: il file non è in codifica UTF-8"),
                (["measurements", "import", huge], "enorme.yaml: il file è troppo grande"),
                (["measurements", "import", try file("alias.yaml", Data(results.replacingOccurrences(of: "description: ", with: "description: &d ").utf8))],
                 "ancore e alias YAML"),
                (["measurements", "import", try file("data.yaml", Data(results.replacingOccurrences(of: "at: 2021-06-30", with: "at: 2021-02-30").utf8))],
                 "data non valida: «2021-02-30»"),
                (["spreadsheet", "import", "rilevazioni", try file("Rilevazioni.csv", Data(("Obiettivo" + String(repeating: ";x", count: 1_000_000)).utf8)),
                  "--plan", TestPlans.bresciaURL.path, "--output", folder.appendingPathComponent("risultati-importati.yaml").path],
                 "troppe colonne (il massimo è 16384)"),
                (["spreadsheet", "import", "piano", try file("piano.xlsx", Data("PK\u{3}\u{4} non è uno ZIP".utf8)),
                  "--output", folder.appendingPathComponent("piano-importato.yaml").path],
                 "piano.xlsx: il file non è una cartella di lavoro XLSX (archivio ZIP non leggibile)"),
            ]
            for refusal in refusals {
                let outcome = try PerformaBinary.run(refusal.arguments + (refusal.arguments[0] == "spreadsheet" ? [] : database))
                #expect(outcome.status == 2, "\(refusal.arguments): \(outcome.status) \(outcome.errors)")
                #expect(outcome.errors.hasPrefix("Errore: ") && outcome.errors.contains(refusal.message), "\(refusal.arguments): \(outcome.errors)")
            }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("risultati-importati.yaml").path))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("piano-importato.yaml").path))
            #expect(try Self.snapshot(database, folder: folder) == before)
        }
    }

    static func fuzzCorpusPath(_ name: String) -> String { fuzzCorpus.appendingPathComponent(name).path }
}
