import Foundation
import Performa
import PerformaFormats
import SQLKit
import Testing
@testable import PerformaStore

@Suite("Measurements: history, checks, rights, campaigns, results files")
struct MeasurementStorageTests {
    @Test("a correction appends: the current value and every earlier one with author and time are readable", arguments: TestBackend.allCases)
    func correctionsKeepHistory(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let context = try await TestPlans.seeded(store, "storia")
            let key = IndicatorKey.key("1.1.1/1"), day = Day.yearEnd(2021)
            let before = Date().addingTimeInterval(-1)
            let first = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: key, at: day, text: "1.200", note: "dato provvisorio", author: "Mario Rossi"), expectedRevision: 0)
            let second = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: key, at: day, text: "1.489", note: "dato definitivo"), expectedRevision: 1)
            let history = try await store.measurementHistory(context, planID: "piano-prova", indicator: key, at: day)
            #expect(history == [first, second])
            #expect(history.map(\.revision) == [1, 2])
            #expect(history.map(\.author) == ["Mario Rossi", context.user])
            #expect(history.allSatisfy { $0.recordedBy == context.user && $0.recordedAt >= before && $0.recordedAt <= Date() && $0.planVersion == 1 })
            let results = try await store.results(context, planID: "piano-prova")
            #expect(results.current(key, at: day)?.text == "1.489")
            #expect(results.history(key, at: day).map(\.text) == ["1.200", "1.489"])
            #expect(results.history(key, at: day).first?.author == "Mario Rossi")
            // The database itself refuses to change or delete history.
            for statement in ["UPDATE measurements SET value_text = '0'", "DELETE FROM measurements"] {
                await #expect(throws: (any Error).self) {
                    try await store.database.transaction(.write, organization: context.organization) { db in try await db.raw(SQLQueryString(statement)).run() }
                }
            }
            #expect(try await store.measurementHistory(context, planID: "piano-prova", indicator: key, at: day) == history)
        }
    }

    @Test("values are checked against the plan's current version, with Italian errors", arguments: TestBackend.allCases)
    func valuesAreChecked(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let context = try await TestPlans.seeded(store, "controlli")
            func record(_ key: String, _ day: Day, _ text: String) async throws {
                _ = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: .key(key), at: day, text: text), expectedRevision: nil)
            }
            await #expect(throws: StoreError.invalid("1.1.2/1: Valore non adatto all'indicatore (sì/no): atteso SI oppure NO.")) {
                try await record("1.1.2/1", .yearEnd(2021), "1.000")
            }
            await #expect(throws: StoreError.invalid("L'indicatore 1.1.2/1 non ha un target al 30/06/2021 (scadenze: 31/12/2021).")) {
                try await record("1.1.2/1", .midYear(2021), "SI")
            }
            await #expect(throws: StoreError.self) { try await record("9.9.9/1", .yearEnd(2021), "SI") }
            await #expect(throws: StoreError.self) { try await record("1.1.1/1", .yearEnd(2021), "tanto") }
            await #expect(throws: StoreError.notFound(subject: "il piano «nessuno»")) {
                _ = try await store.recordMeasurement(context, planID: "nessuno", MeasurementEntry(indicator: .key("1.1.1/1"), at: .yearEnd(2021), text: "1"), expectedRevision: nil)
            }
            try await record("1.1.2/1", .yearEnd(2021), "SI")
            #expect(try await store.measurements(context, planID: "piano-prova").map(\.text) == ["SI"])
        }
    }

    @Test("managers record only for their objectives; OIV and viewers record nothing", arguments: TestBackend.allCases)
    func rolesDecideWhoRecords(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await TestPlans.seeded(store, "ruoli")
            let bianchi = try await store.createUser(admin, NewUser(username: "bianchi", displayName: "Anna Bianchi", role: .manager, managerID: "bianchi", passwordHash: "h"))
            let viewer = try await store.createUser(admin, NewUser(username: "lettore", displayName: "Lettore", role: .viewer, passwordHash: "h"))
            let day = Day.yearEnd(2021)
            _ = try await store.recordMeasurement(bianchi.context, planID: "piano-prova", MeasurementEntry(indicator: .key("1.1.2/1"), at: day, text: "SI"), expectedRevision: 0)
            for (context, key) in [(bianchi.context, "1.1.1/1"), (viewer.context, "1.1.2/1"), (AccessContext(organization: admin.organization, user: "oiv", role: .oiv), "1.1.2/1")] {
                do {
                    _ = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: .key(key), at: day, text: "1"), expectedRevision: nil)
                    Issue.record("\(context.role) recorded \(key)")
                } catch StoreError.forbidden(let role, _) {
                    #expect(role == context.role)
                }
            }
            await #expect(throws: StoreError.forbidden(role: .manager, action: "creare utenti")) {
                try await store.createUser(bianchi.context, NewUser(username: "x", displayName: "X", role: .admin, passwordHash: "h"))
            }
            await #expect(throws: StoreError.forbidden(role: .viewer, action: "consultare il registro delle modifiche")) {
                try await store.auditLog(viewer.context, AuditQuery())
            }
            #expect(try await store.measurements(viewer.context, planID: "piano-prova").count == 1)
        }
    }

    @Test("a closed collection refuses values and evidence until reopened with a reason", arguments: TestBackend.allCases)
    func campaignsOpenAndClose(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let context = try await TestPlans.seeded(store, "campagne")
            let midYear = Day.midYear(2021)
            let campaigns = try await store.campaigns(context, planID: "piano-prova")
            #expect(campaigns.map(\.checkpoint) == [midYear, .yearEnd(2021)])
            #expect(campaigns.allSatisfy { $0.state == .open && $0.rowVersion == 0 })
            let closed = try await store.changeCampaign(context, planID: "piano-prova", checkpoint: midYear, to: .closed, reason: nil, expectedRowVersion: 0)
            #expect(closed.state == .closed && closed.rowVersion == 1)
            await #expect(throws: StoreError.closedCampaign(checkpoint: midYear)) {
                try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: .key("1.1.1/1"), at: midYear, text: "400"), expectedRevision: nil)
            }
            await #expect(throws: StoreError.closedCampaign(checkpoint: midYear)) {
                try await store.attachEvidence(context, planID: "piano-prova", indicator: .key("1.1.1/1"), at: midYear, EvidenceUpload(fileName: "a.csv", contentType: "text/csv", data: Data("a;b\n".utf8)))
            }
            await #expect(throws: StoreError.invalid("Per riaprire la rilevazione al 30/06/2021 serve il motivo.")) {
                try await store.changeCampaign(context, planID: "piano-prova", checkpoint: midYear, to: .reopened, reason: " ", expectedRowVersion: 1)
            }
            let reopened = try await store.changeCampaign(context, planID: "piano-prova", checkpoint: midYear, to: .reopened, reason: "Dato corretto dall'ufficio", expectedRowVersion: 1)
            #expect(reopened.state == .reopened && reopened.reason == "Dato corretto dall'ufficio")
            _ = try await store.recordMeasurement(context, planID: "piano-prova", MeasurementEntry(indicator: .key("1.1.1/1"), at: midYear, text: "400"), expectedRevision: 0)
            #expect(try await store.auditLog(context, AuditQuery(entity: "campaign")).map(\.action) == ["update", "update"])
        }
    }

    @Test("evidence is stored with size, type and SHA-256; limits hold; removal hides but keeps it", arguments: TestBackend.allCases)
    func evidenceFiles(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let context = try await TestPlans.seeded(store, "documenti")
            let key = IndicatorKey.key("1.1.1/1"), day = Day.yearEnd(2021)
            let pdf = Data("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n".utf8)
            let file = try await store.attachEvidence(context, planID: "piano-prova", indicator: key, at: day,
                                                      EvidenceUpload(fileName: "C:\\relazioni\\Relazione 2021.pdf", contentType: "application/pdf", data: pdf))
            #expect(file.fileName == "Relazione 2021.pdf" && file.size == pdf.count && file.contentType == "application/pdf")
            #expect(file.sha256 == Digest.sha256(pdf) && file.sha256.count == 64)
            let (read, data) = try await store.evidenceContent(context, id: file.id)
            #expect(read == file && data == pdf)
            #expect(try await store.evidenceFiles(context, planID: "piano-prova", indicator: key, at: day) == [file])

            let tooBig = Data(repeating: 0x41, count: EvidencePolicy.standard.maximumBytes + 1)
            await #expect(throws: StoreError.evidenceRejected("Il documento «dati.csv» pesa 10,01 MB e supera il limite di 10 MB.")) {
                try await store.attachEvidence(context, planID: "piano-prova", indicator: key, at: day, EvidenceUpload(fileName: "dati.csv", contentType: "text/csv", data: tooBig))
            }
            await #expect(throws: StoreError.self) {
                try await store.attachEvidence(context, planID: "piano-prova", indicator: key, at: day, EvidenceUpload(fileName: "programma.exe", contentType: "application/octet-stream", data: Data([0x4D, 0x5A])))
            }

            try await store.removeEvidence(context, id: file.id)
            #expect(try await store.evidenceFiles(context, planID: "piano-prova", indicator: nil, at: nil).isEmpty)
            await #expect(throws: StoreError.notFound(subject: "il documento «\(file.id)»")) { try await store.evidenceContent(context, id: file.id) }
            let kept = try await store.database.transaction(.read, organization: context.organization) { db in
                try await db.raw("SELECT removed_by, size_bytes FROM evidence_files WHERE organization_id = \(bind: context.organization)").first()
                    .map { (try $0.optionalText("removed_by"), try $0.integer("size_bytes")) }
            }
            #expect(kept?.0 == context.user && kept?.1 == pdf.count)
            #expect(try await store.auditLog(context, AuditQuery(entity: "evidence")).map(\.action) == ["delete", "create"])
        }
    }

    @Test("OIV overrides and neutralisations are stored, replaced under version checks, removed, and scored", arguments: TestBackend.allCases)
    func overridesAndNeutralisations(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await TestPlans.seeded(store, "oiv")
            let oiv = AccessContext(organization: admin.organization, user: "presidente-oiv", role: .oiv)
            let viewer = AccessContext(organization: admin.organization, user: "lettore", role: .viewer)
            let day = Day.yearEnd(2021)
            let neutralisation = DeclaredNeutralisation(indicator: .key("1.1.2/1"), reason: "Servizio sospeso dalla sentenza del Consiglio di Stato", from: Day(2021, 3, 29), by: "OIV")
            let storedNeutralisation = try await store.setNeutralisation(oiv, planID: "piano-prova", neutralisation, expectedRowVersion: nil)
            let override = try await store.setOverride(oiv, planID: "piano-prova", AchievementOverride(subject: "1.1.1", at: day, achievement: 95, reason: "Valutazione dell'OIV", by: "OIV", on: Day(2022, 4, 20)), expectedRowVersion: nil)
            await #expect(throws: StoreError.forbidden(role: .viewer, action: "registrare correzioni dell'OIV")) {
                try await store.setOverride(viewer, planID: "piano-prova", AchievementOverride(subject: "1.1.1", at: day, achievement: 10, reason: "x"), expectedRowVersion: override.rowVersion)
            }
            await #expect(throws: StoreError.self) {
                try await store.setOverride(oiv, planID: "piano-prova", AchievementOverride(subject: "7.7", at: day, achievement: 10, reason: "x"), expectedRowVersion: nil)
            }
            await #expect(throws: StoreError.self) {
                try await store.setOverride(oiv, planID: "piano-prova", AchievementOverride(subject: "1.1.1/1", at: day, achievement: 10, reason: ""), expectedRowVersion: nil)
            }

            let results = try await store.results(admin, planID: "piano-prova")
            #expect(results.neutralisations == [neutralisation])
            #expect(results.overrides == [override.override])
            let plan = try await store.plan(admin, id: "piano-prova", version: nil).plan
            let card = Scorer(plan: plan).scorecard(results: results, at: day)
            #expect(card.objectives.first { $0.key == "1.1.1" }?.score.final == 0.95)
            #expect(card.objectives.first { $0.key == "1.1.2" }?.score.status == .neutralised)

            try await store.removeOverride(oiv, planID: "piano-prova", subject: "1.1.1", at: day, expectedRowVersion: override.rowVersion)
            await #expect(throws: StoreError.self) {
                try await store.removeNeutralisation(oiv, planID: "piano-prova", indicator: neutralisation.indicator, from: neutralisation.from, expectedRowVersion: 7)
            }
            try await store.removeNeutralisation(oiv, planID: "piano-prova", indicator: neutralisation.indicator, from: neutralisation.from, expectedRowVersion: storedNeutralisation.rowVersion)
            let after = try await store.results(admin, planID: "piano-prova")
            #expect(after.overrides == nil && after.neutralisations == nil)
            #expect(try await store.auditLog(admin, AuditQuery(entity: "override")).map(\.action) == ["delete", "create"])
        }
    }

    @Test("a results file imports in one transaction: the Brescia results score as from the file, twice adds nothing, one bad value writes nothing", arguments: TestBackend.allCases)
    func resultsFilesImport(backend: TestBackend) async throws {
        let plan = try TestPlans.brescia()
        let fileResults = try ResultsFile.read(contentsOf: TestPlans.bresciaResultsURL, plan: plan)
        try await backend.withStore { store in
            let context = AccessContext.commandLine(organization: plan.organization.id)
            _ = try await store.importPlan(context, plan, revision: nil, createOrganization: true)

            // A file whose last value does not suit its target: everything before it is rolled back too.
            var broken = fileResults
            broken.measurements.append(try Measurement(indicator: .key("1.1/1"), at: .yearEnd(2021), text: "1.000"))
            await #expect(throws: StoreError.self) { try await store.importResults(context, broken) }
            #expect(try await store.measurements(context, planID: plan.id).isEmpty)
            #expect(try await store.neutralisations(context, planID: plan.id).isEmpty)

            let outcome = try await store.importResults(context, fileResults)
            #expect(outcome.measurementsAppended == fileResults.measurements.count)
            #expect(outcome.neutralisationsWritten == (fileResults.neutralisations ?? []).count)
            #expect(outcome.overridesWritten == (fileResults.overrides ?? []).count)
            let again = try await store.importResults(context, fileResults)
            #expect(again.measurementsAppended == 0 && again.measurementsAlreadyPresent == fileResults.measurements.count)

            let stored = try await store.results(context, planID: plan.id)
            #expect(stored.illustrative == true)
            #expect(stored.measurements.count == fileResults.measurements.count)
            for checkpoint in [Day.midYear(2021), .yearEnd(2021)] {
                let fromStore = Scorer(plan: plan).scorecard(results: stored, at: checkpoint)
                let fromFile = Scorer(plan: plan).scorecard(results: fileResults, at: checkpoint)
                #expect(fromStore.objectives.map(\.score.percent) == fromFile.objectives.map(\.score.percent))
                #expect(fromStore.indicators.map(\.score.percent) == fromFile.indicators.map(\.score.percent))
                #expect(fromStore.indicators.map(\.measurement?.text) == fromFile.indicators.map(\.measurement?.text))
                #expect(fromStore.managers.map(\.score.percent) == fromFile.managers.map(\.score.percent))
                #expect(fromStore.result.percent == fromFile.result.percent && fromStore.illustrative)
            }
        }
    }
}
