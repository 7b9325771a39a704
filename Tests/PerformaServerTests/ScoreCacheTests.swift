import Foundation
import Hummingbird
import HummingbirdTesting
import Performa
import PerformaFormats
@testable import PerformaServer
import PerformaStore
import Testing

/// The server keeps plans and scorecards between requests (VersionedCache); these tests change a value in every
/// way there is and read the scores at once: the answer is always the one a fresh computation gives.
@Suite("Caching: scores are never stale")
struct ScoreCacheTests {
    static let plan = TestServer.planID
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let key = IndicatorKey(objective: "1.1.2", number: 1)
    static let scores = "/api/plans/\(TestServer.planID)/scores?at=2021-12-31"

    /// The scorecard JSON a fresh computation from the store gives now, as the API writes it.
    static func fresh(_ store: SQLStore) async throws -> String {
        try ScorecardDocument(try await PageTests.scorecard(store, at: .yearEnd(2021))).json(compact: true)
    }

    @Test("a value written through the API, through another replica, or straight into the store is in the very next read")
    func neverStale() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.admin)
            let first = try await browser.get(Self.scores)
            #expect(first.status == .ok)
            #expect(first.text == (try await Self.fresh(store)))
            // Unchanged data: the same document again (from the cache).
            #expect(try await browser.get(Self.scores).text == first.text)

            // 1. Through the API of this server.
            let json = ByteBuffer(string: #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"250"}"#)
            let saved = try await browser.request("/api/plans/\(Self.plan)/measurements", method: .post,
                                                  headers: [.contentType: "application/json", HeaderNames.csrfToken: browser.csrf], body: json)
            #expect(saved.status == .created)
            let afterAPI = try await browser.get(Self.scores)
            #expect(afterAPI.text != first.text)
            #expect(afterAPI.text == (try await Self.fresh(store)))

            // 2. Straight into the store, as another replica or the command line would.
            _ = try await store.recordMeasurement(Self.admin, planID: Self.plan,
                                                  MeasurementEntry(indicator: Self.key, at: .yearEnd(2021), text: "10"), expectedRevision: nil)
            let afterStore = try await browser.get(Self.scores)
            #expect(afterStore.text != afterAPI.text)
            #expect(afterStore.text == (try await Self.fresh(store)))

            // 3. An OIV override, which changes no measurement but the objective's achievement.
            _ = try await store.setOverride(AccessContext(organization: TestServer.organization, user: "oiv", role: .oiv), planID: Self.plan,
                                            AchievementOverride(subject: "1.1.2", at: .yearEnd(2021), achievement: 42, reason: "Prova della cache"),
                                            expectedRowVersion: nil)
            let afterOverride = try await browser.get(Self.scores)
            #expect(afterOverride.text != afterStore.text)
            #expect(afterOverride.text == (try await Self.fresh(store)))

            // 4. The cruscotto, which shares the cached plan, shows the same organization result.
            let card = try await PageTests.scorecard(store, at: .yearEnd(2021))
            #expect(try await browser.get(Paths.dashboard(Self.plan) + "?scadenza=2021-12-31").text.contains(Display.achievement(card.result.final)))
        }
    }

    @Test("the cruscotto's body, rendered once per data version, follows a value written straight into the store; the frame stays the user's")
    func dashboardBodyNeverStale() async throws {
        try await TestServer.run { client, store in
            var browser = TestBrowser(client)
            try await browser.login(DemoUser.admin)
            let page = Paths.dashboard(Self.plan) + "?scadenza=2021-12-31"
            let before = try await browser.get(page).text
            #expect(before.contains(Display.achievement(try await PageTests.scorecard(store, at: .yearEnd(2021)).result.final)))
            #expect(try await browser.get(page).text == before)
            let resultBefore = try await PageTests.scorecard(store, at: .yearEnd(2021)).result.final
            // Straight into the store, as another replica or the command line would.
            _ = try await store.recordMeasurement(Self.admin, planID: Self.plan,
                                                  MeasurementEntry(indicator: Self.key, at: .yearEnd(2021), text: "10"), expectedRevision: nil)
            let after = try await browser.get(page).text
            let card = try await PageTests.scorecard(store, at: .yearEnd(2021))
            #expect(card.result.final != resultBefore)
            #expect(after != before)
            #expect(after.contains(Display.achievement(card.result.final)))
            // The frame is rendered per request: another user sees their own name and CSRF token on the same body.
            var viewer = TestBrowser(client)
            try await viewer.login(DemoUser.viewer)
            let theirs = try await viewer.get(page).text
            #expect(theirs.contains(viewer.csrf) && !theirs.contains(browser.csrf))
            #expect(theirs.contains(Display.achievement(card.result.final)))
            // Filled-in slots give the very page a full render gives (a notice forces one): the same but for the notice.
            let full = try await viewer.get(page + "&esito=rilevazione-salvata").text
            let withoutNotice = full.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("role=\"status\">") }.joined(separator: "\n")
            #expect(full != theirs)
            #expect(withoutNotice == theirs)
        }
    }

    @Test("a plan text holding the cruscotto's marker character is shown as written, never taken for a slot")
    func markerCharacterInData() async throws {
        try await TestServer.run { client, store in
            var admin = TestBrowser(client)
            try await admin.login(DemoUser.admin)
            let title = "Obiettivo \u{E000}0\u{E000} con \u{E000}2\u{E000} dentro"
            let plan = try await AdversarialInputTests.current(store)
            let edited = try await admin.post(Paths.editor(Self.plan) + "/obiettivi/1.1", AdversarialInputTests.revision(plan, "segnaposto") + [("titolo", title), ("peso", "30")])
            #expect(edited.status == .seeOther)
            #expect(try await AdversarialInputTests.current(store).plan.areas[0].objectives[0].title == title)
            let page = try await admin.get(Paths.dashboard(Self.plan) + "?scadenza=2021-12-31")
            #expect(page.status == .ok)
            #expect(AdversarialInputTests.bytes(page, contain: title))
            #expect(page.text.components(separatedBy: admin.csrf).count == 2)
        }
    }

    @Test("two servers on one database: a write through one is read through the other at once, with the same session")
    func replicas() async throws {
        try await TestServer.run { client, store in
            var first = TestBrowser(client)
            try await first.login(DemoUser.manager)
            #expect(try await first.get(Self.scores).text == (try await Self.fresh(store)))
            let replica = try await buildApplication(configuration: TestServer.configuration(), store: store, logger: TestServer.quietLogger)
            let cookies = first.cookies
            try await replica.test(.router) { other in
                // The session opened through the first server works on the second: sessions live in the database.
                var second = TestBrowser(other)
                second.cookies = cookies
                #expect(try await second.get(Self.scores).status == .ok)
                let json = ByteBuffer(string: #"{"indicator":"1.1.2/1","at":"2021-12-31","value":"777"}"#)
                let saved = try await second.request("/api/plans/\(Self.plan)/measurements", method: .post,
                                                     headers: [.contentType: "application/json", HeaderNames.csrfToken: second.csrf], body: json)
                #expect(saved.status == .created)
            }
            let read = try await first.get(Self.scores)
            #expect(read.text == (try await Self.fresh(store)))
            #expect(try await store.measurementHistory(Self.admin, planID: Self.plan, indicator: Self.key, at: .yearEnd(2021)).last?.text == "777")
        }
    }
}
