import Foundation
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

/// The RPCT is told when a collection with prevention measures opens, like each manager for their objectives, and
/// reminded of the measures still without a value.
@Suite("Mail: the RPCT's collection notice")
struct PreventionNoticeTests {
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)

    @Test("the opening notice of 31/12/2021 goes to the RPCT with the measures due; the reminder lists those missing")
    func rpctNotice() async throws {
        try await TestServer.run { _, store in
            let plan = try await store.plan(Self.admin, id: TestServer.planID, version: nil).plan
            let users = try await store.users(Self.admin)
            let rpct = try #require(users.first { $0.role == .rpct })
            let checkpoint = Day.yearEnd(2021)
            // The 2021 values of measure 6 and of objective 3.1.7 are recorded; the other measures' are not.
            var results = Results(plan: plan.id)
            let recorded = IndicatorKey(objective: "MPC.6", number: 1)
            results.measurements = [try Measurement(indicator: recorded, at: checkpoint, text: "9,5%")]
            let today = Day.yearEnd(2021).adding(days: -2)
            let campaign = Campaign(planID: plan.id, checkpoint: checkpoint, state: .open, rowVersion: 1,
                                    schedule: CampaignSchedule(opensOn: today.adding(days: -1), closesOn: today.adding(days: 3), reminderDays: 5))
            let notices = MailNotices(pages: try await PageRenderer.load(), baseURL: "https://performa.ente.example")
            let mails = try notices.campaignNotices(planID: plan.id, planTitle: plan.title, campaign: campaign,
                                                    duties: CollectionDuty.at(checkpoint, plan: plan, results: results), users: users, today: today)
            let opening = try #require(mails.first { $0.recipientUser == rpct.id && $0.kind == "campaign-open" })
            #expect(opening.recipient == rpct.email)
            #expect(opening.body.contains("MPC.6") && opening.body.contains("MPC.2") && opening.body.contains("per le misure di prevenzione della corruzione"))
            let reminder = try #require(mails.first { $0.recipientUser == rpct.id && $0.kind == "campaign-reminder" })
            #expect(!reminder.body.contains("MPC.6") && reminder.body.contains("MPC.2"))
            // Nobody else receives the measures' notice: each manager's lists only their objectives.
            let managers = mails.filter { $0.recipientUser != rpct.id }
            #expect(!managers.isEmpty && managers.allSatisfy { !$0.body.contains("MPC.") })
        }
    }
}
