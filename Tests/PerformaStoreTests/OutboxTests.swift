import Foundation
import Performa
import Testing
@testable import PerformaStore

/// The outbox on SQLite and PostgreSQL: a message enqueued twice is kept once, a claimed message is leased to one
/// sender, a failure waits for its retry time, a sent message is never claimed again; and the collection schedule.
@Suite("Outbox")
struct OutboxTests {
    static func mail(_ id: String, to recipient: String = "dirigente@example.org") -> OutgoingMail {
        OutgoingMail(id: id, kind: "campaign-open", recipientUser: nil, recipient: recipient, subject: "Oggetto \(id)", body: "Testo \(id)")
    }

    @Test("enqueueing the same message twice keeps one; two senders never hold the same message", arguments: TestBackend.allCases)
    func deduplicationAndLease(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await TestPlans.seeded(store, "posta")
            #expect(try await store.enqueueMail(admin, [Self.mail("a"), Self.mail("b")]) == 2)
            #expect(try await store.enqueueMail(admin, [Self.mail("a"), Self.mail("c")]) == 1)
            let first = try await store.claimMail(organization: admin.organization, worker: "uno", lease: 60, limit: 10)
            #expect(Set(first.map(\.mail.id)) == ["a", "b", "c"])
            #expect(try await store.claimMail(organization: admin.organization, worker: "due", lease: 60, limit: 10).isEmpty)
            try await store.settleMail(organization: admin.organization, id: "a", worker: "uno", .sent)
            // Only the lease holder settles: another worker's report changes nothing.
            try await store.settleMail(organization: admin.organization, id: "b", worker: "due", .sent)
            try await store.settleMail(organization: admin.organization, id: "b", worker: "uno", .failed(reason: "connessione rifiutata", retryAt: Date().addingTimeInterval(3600)))
            try await store.settleMail(organization: admin.organization, id: "c", worker: "uno", .failed(reason: "421 riprovare", retryAt: Date().addingTimeInterval(-1)))
            let again = try await store.claimMail(organization: admin.organization, worker: "due", lease: 60, limit: 10)
            #expect(again.map(\.mail.id) == ["c"])
            #expect(again.first?.attempts == 1 && again.first?.lastError == "421 riprovare")
            let box = try await store.outbox(admin, limit: 10)
            #expect(box.count == 3)
            #expect(box.first { $0.mail.id == "a" }?.sentAt != nil)
            #expect(box.first { $0.mail.id == "b" }?.sentAt == nil && box.first { $0.mail.id == "b" }?.lastError == "connessione rifiutata")
            // A sent message is never enqueued again, even after its lease and retry times have passed.
            #expect(try await store.enqueueMail(admin, [Self.mail("a")]) == 0)
        }
    }

    @Test("a lease that runs out without an outcome makes the message due again", arguments: TestBackend.allCases)
    func expiredLease(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await TestPlans.seeded(store, "posta-lease")
            try await store.enqueueMail(admin, [Self.mail("x")])
            #expect(try await store.claimMail(organization: admin.organization, worker: "morto", lease: -1, limit: 10).count == 1)
            let retaken = try await store.claimMail(organization: admin.organization, worker: "vivo", lease: 60, limit: 10)
            #expect(retaken.map(\.mail.id) == ["x"])
            // The dead worker's late report is ignored; the live one's counts.
            try await store.settleMail(organization: admin.organization, id: "x", worker: "morto", .sent)
            #expect(try await store.outbox(admin, limit: 1).first?.sentAt == nil)
            try await store.settleMail(organization: admin.organization, id: "x", worker: "vivo", .sent)
            #expect(try await store.outbox(admin, limit: 1).first?.sentAt != nil)
        }
    }

    @Test("the outbox is the admin's and each organization's own", arguments: TestBackend.allCases)
    func isolation(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let one = try await TestPlans.seeded(store, "posta-uno")
            let two = try await TestPlans.seeded(store, "posta-due")
            try await store.enqueueMail(one, [Self.mail("solo-uno")])
            #expect(try await store.claimMail(organization: two.organization, worker: "w", lease: 60, limit: 10).isEmpty)
            #expect(try await store.outbox(two, limit: 10).isEmpty)
            let viewer = AccessContext(organization: one.organization, user: "lettore", role: .viewer)
            await #expect(throws: StoreError.self) { try await store.outbox(viewer, limit: 10) }
        }
    }

    @Test("a collection's schedule is kept, checked and audited; a closed collection is reopened first", arguments: TestBackend.allCases)
    func schedule(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = try await TestPlans.seeded(store, "calendario")
            let end = Day.yearEnd(2021)
            let planned = CampaignSchedule(opensOn: Day(2022, 1, 3), closesOn: Day(2022, 1, 31), reminderDays: 5)
            #expect(planned.remindOn == Day(2022, 1, 26))
            await #expect(throws: StoreError.invalid("La chiusura prevista (03/01/2022) precede l'apertura (31/01/2022).")) {
                try await store.scheduleCampaign(admin, planID: "piano-prova", checkpoint: end,
                                                 CampaignSchedule(opensOn: planned.closesOn, closesOn: planned.opensOn, reminderDays: 5), expectedRowVersion: 0)
            }
            let scheduled = try await store.scheduleCampaign(admin, planID: "piano-prova", checkpoint: end, planned, expectedRowVersion: 0)
            #expect(scheduled.schedule == planned && scheduled.state == .open && scheduled.rowVersion == 1)
            #expect(try await store.campaigns(admin, planID: "piano-prova").first { $0.checkpoint == end }?.schedule == planned)
            _ = try await store.changeCampaign(admin, planID: "piano-prova", checkpoint: end, to: .closed, reason: nil, expectedRowVersion: 1)
            // Closing keeps the schedule; scheduling a closed collection is refused.
            #expect(try await store.campaigns(admin, planID: "piano-prova").first { $0.checkpoint == end }?.schedule == planned)
            await #expect(throws: StoreError.self) {
                try await store.scheduleCampaign(admin, planID: "piano-prova", checkpoint: end, planned, expectedRowVersion: 2)
            }
            // The mail sender's first look: the scheduled collections alone, as `campaigns` has them; none elsewhere.
            let listed = try await store.scheduledCampaigns(admin)
            #expect(listed == [try #require(try await store.campaigns(admin, planID: "piano-prova").first { $0.checkpoint == end })])
            let other = try await TestPlans.seeded(store, "senza-calendario")
            #expect(try await store.scheduledCampaigns(other).isEmpty)
            let manager = AccessContext(organization: admin.organization, user: "m", role: .manager)
            await #expect(throws: StoreError.self) {
                try await store.scheduleCampaign(manager, planID: "piano-prova", checkpoint: .midYear(2021), planned, expectedRowVersion: 0)
            }
        }
    }

    @Test("the sender's read of every organization's scheduled collections in one call equals each organization's own, across slices",
          arguments: TestBackend.allCases)
    func scheduledForMany(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let planned = CampaignSchedule(opensOn: Day(2022, 1, 3), closesOn: Day(2022, 1, 31), reminderDays: 5)
            // Two organizations with schedules (one with two), one without; then 1.200 names of organizations that
            // do not exist, so that the read runs in several slices and finds nothing for them.
            let busy = try await TestPlans.seeded(store, "programmate")
            for checkpoint in [Day.midYear(2021), Day.yearEnd(2021)] {
                _ = try await store.scheduleCampaign(busy, planID: "piano-prova", checkpoint: checkpoint, planned, expectedRowVersion: 0)
            }
            let single = try await TestPlans.seeded(store, "una-programmata")
            _ = try await store.scheduleCampaign(single, planID: "piano-prova", checkpoint: .yearEnd(2021), planned, expectedRowVersion: 0)
            let quiet = try await TestPlans.seeded(store, "nessuna-programmata")
            _ = try await store.changeCampaign(quiet, planID: "piano-prova", checkpoint: .midYear(2021), to: .closed, reason: nil, expectedRowVersion: 0)
            let absent = (0..<1_200).map { "assente-\($0)" }
            let names = Array(absent.prefix(700)) + [single.organization, busy.organization, quiet.organization] + absent.dropFirst(700)

            let found = try await store.scheduledCampaigns(organizations: names)
            #expect(Set(found.keys) == [busy.organization, single.organization])
            for context in [busy, single, quiet] {
                #expect(found[context.organization] ?? [] == (try await store.scheduledCampaigns(context)), "\(context.organization)")
            }
            #expect(found[busy.organization]?.map(\.checkpoint) == [.midYear(2021), .yearEnd(2021)])
            #expect(try await store.scheduledCampaigns(organizations: []).isEmpty)
            await #expect(throws: StoreError.self) { try await store.scheduledCampaigns(organizations: ["ente'; DROP TABLE campaigns; --"]) }
        }
    }

    @Test("the organizations with mail due are exactly those where a lease would find a message, at any moment",
          arguments: TestBackend.allCases)
    func mailDueAcross(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let due = try await TestPlans.seeded(store, "posta-dovuta")
            let leased = try await TestPlans.seeded(store, "posta-in-consegna")
            let sent = try await TestPlans.seeded(store, "posta-spedita")
            let later = try await TestPlans.seeded(store, "posta-rinviata")
            let empty = try await TestPlans.seeded(store, "posta-vuota")
            for context in [due, leased, sent, later] { try await store.enqueueMail(context, [Self.mail("avviso")]) }
            _ = try await store.claimMail(organization: leased.organization, worker: "w", lease: 60, limit: 10)
            let toSend = try await store.claimMail(organization: sent.organization, worker: "w", lease: 60, limit: 10)
            try await store.settleMail(organization: sent.organization, id: try #require(toSend.first).mail.id, worker: "w", .sent)
            let toDelay = try await store.claimMail(organization: later.organization, worker: "w", lease: 60, limit: 10)
            try await store.settleMail(organization: later.organization, id: try #require(toDelay.first).mail.id, worker: "w",
                                       .failed(reason: "server giù", retryAt: Date().addingTimeInterval(3_600)))
            // 600 names of organizations that do not exist come first, so that the answer spans two slices.
            let names = (0..<600).map { "assente-\($0)" } + [due, leased, sent, later, empty].map(\.organization)

            let now = Date()
            #expect(try await store.organizationsWithMailDue(names, at: now) == [due.organization])
            // Two minutes on, the lease has run out; two hours on, the delayed attempt has come too.
            #expect(try await store.organizationsWithMailDue(names, at: now.addingTimeInterval(120)) == [due.organization, leased.organization])
            #expect(try await store.organizationsWithMailDue(names, at: now.addingTimeInterval(7_200))
                    == [due.organization, leased.organization, later.organization])
            // What it says is due, a lease finds; once leased, it is no longer due.
            #expect(try await store.claimMail(organization: due.organization, worker: "w", lease: 60, limit: 10).count == 1)
            #expect(try await store.organizationsWithMailDue(names, at: Date()).isEmpty)
            #expect(try await store.claimMail(organization: empty.organization, worker: "w", lease: 60, limit: 10).isEmpty)
        }
    }
}
