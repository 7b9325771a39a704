import Foundation
import Performa
import PerformaFormats
import Testing
@testable import PerformaStore

/// The limits of `ValueLimits` hold through the command line and the store: a plan file with an impossible weight
/// or a control character writes nothing, and a measurement's note or value out of its limits is refused by the
/// store whichever way it comes (form, API, command line).
@Suite("Value limits through the command line and the store")
struct ValueLimitStoreTests {
    static func plan(weight: String, title: String = "Obiettivo") -> String {
        """
        format: performa-plan/1
        id: prova-limiti
        title: Piano di prova
        span: {from: 2021, to: 2023}
        year: 2021
        status: draft
        organization: {id: ente-limiti, name: Ente, managers: []}
        areas:
          - code: "1"
            title: Area uno
            objectives:
              - code: "1.1"
                title: "\(title)"
                weight: \(weight)
                indicators: []
                operationalObjectives: []
        """
    }

    @Test("performa import refuses objective weights of -10, 1e308 and 1001% and a NUL in a title, naming line and field; nothing is written",
          arguments: TestBackend.allCases)
    func importRefusesOutOfLimits(backend: TestBackend) async throws {
        try await backend.withEmptyDatabase { url in
            let database = ["--database", url.description]
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-limits-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for weight in ["-10", "1e308", "1001"] {
                let file = folder.appendingPathComponent("peso.yaml")
                try Self.plan(weight: weight).write(to: file, atomically: true, encoding: .utf8)
                let refused = try PerformaBinary.run(["import", file.path] + database)
                #expect(refused.status == 2, "\(weight)")
                #expect(refused.errors.contains("peso.yaml, riga 14 (campo areas[1].objectives[1].weight): peso fuori dai limiti"), "\(refused.errors)")
            }
            let nul = folder.appendingPathComponent("nul.yaml")
            try Self.plan(weight: "50", title: "Titolo\\0nullo").write(to: nul, atomically: true, encoding: .utf8)
            let refused = try PerformaBinary.run(["import", nul.path] + database)
            #expect(refused.status == 2)
            #expect(refused.errors.contains("nul.yaml, riga 13 (campo areas[1].objectives[1].title): il testo contiene un carattere di controllo non ammesso (U+0000)"))
            let directory = try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in try await store.organizationDirectory() }
            #expect(directory.isEmpty, "nothing was written")
        }
    }

    @Test("the store refuses a 20 MB note, a NUL in a note and a value beyond the scale; nothing is recorded", arguments: TestBackend.allCases)
    func measurementLimits(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let context = try await TestPlans.seeded(store, "limiti")
            let key = IndicatorKey.key("1.1.1/1")
            let hugeNote = String(repeating: "n", count: 20 * 1024 * 1024)
            for entry in [MeasurementEntry(indicator: key, at: .yearEnd(2021), text: "900", note: hugeNote),
                          MeasurementEntry(indicator: key, at: .yearEnd(2021), text: "900", note: "nota\u{0}nulla"),
                          MeasurementEntry(indicator: key, at: .yearEnd(2021), text: "2000000000000000")] {
                await #expect(throws: StoreError.self) {
                    _ = try await store.recordMeasurement(context, planID: "piano-prova", entry, expectedRevision: nil)
                }
            }
            #expect(try await store.measurements(context, planID: "piano-prova").isEmpty)
            let ten = String(repeating: "n", count: ValueLimits.maximumNoteLength)
            let kept = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: key, at: .yearEnd(2021), text: "900", note: ten),
                                                         expectedRevision: nil)
            #expect(kept.note == ten)
        }
    }

    @Test("import reports errors, warnings and notes as validate counts them (notes are not warnings)")
    func importTotals() async throws {
        try await TestBackend.sqlite.withEmptyDatabase { url in
            let validated = try PerformaBinary.run(["validate", TestPlans.bresciaURL.path])
            let totals = try #require(validated.output.components(separatedBy: "\n").first { $0.hasPrefix("Totale: ") })
            let imported = try PerformaBinary.run(["import", TestPlans.bresciaURL.path, "--database", url.description])
            #expect(imported.status == 0)
            let counted = totals.dropFirst("Totale: ".count).dropLast()
            #expect(imported.output.contains("Il validatore segnala \(counted): vedere"), "\(imported.output) vs \(totals)")
            #expect(counted.hasSuffix(" note") && !counted.hasSuffix(" 0 note"), "the Brescia plan has notes: \(counted)")
        }
    }
}
