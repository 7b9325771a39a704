import Foundation
import Logging
import Performa
import PerformaStore

/// Puts the notices of what just happened into the outbox. Called after the change itself succeeded: a failure
/// here is logged and does not undo the change (the user's action stands; the notice is what is lost, and the
/// log says so).
struct Notifier: Sendable {
    let store: any PerformaStore
    let notices: MailNotices
    let logger: Logger

    /// The users of the organization, read as the mail sender (any role's action may notify any user).
    func users(_ organization: String) async throws -> [StoredUser] {
        try await store.users(.mailSender(organization: organization))
    }

    func enqueue(_ organization: String, _ what: String, _ compose: () async throws -> [OutgoingMail]) async {
        do {
            let mails = try await compose()
            try await store.enqueueMail(.mailSender(organization: organization), mails)
        } catch {
            logger.error("avviso per posta non accodato", metadata: ["evento": "\(what)", "errore": "\(error)"])
        }
    }

    /// Enqueues the opening notices and reminders due today of every scheduled collection of the organization's
    /// plans; returns how many were new. Run by each pass of the sender and right after a collection is scheduled.
    @discardableResult
    func campaignNotices(_ organization: String, today: Day) async throws -> Int {
        // Most organizations have no scheduled collection on most days: one read of the campaigns tells, before
        // any plan is read.
        let scheduled = try await store.scheduledCampaigns(.mailSender(organization: organization))
        return try await campaignNotices(organization, scheduled: scheduled, today: today)
    }

    /// `campaignNotices(_:today:)` with the organization's scheduled collections already read (the sender reads
    /// every organization's in one call: `PerformaStore.scheduledCampaigns(organizations:)`).
    @discardableResult
    func campaignNotices(_ organization: String, scheduled: [Campaign], today: Day) async throws -> Int {
        guard !scheduled.isEmpty else { return 0 }
        let context = AccessContext.mailSender(organization: organization)
        var users: [StoredUser]?
        var total = 0
        // A closed plan collects nothing more.
        for info in try await store.plans(context) where info.status != .closed {
            let campaigns = scheduled.filter { $0.planID == info.planID }
            guard !campaigns.isEmpty else { continue }
            let plan = try await store.plan(context, id: info.planID, version: nil).plan
            let results = try await store.currentResults(context, planID: info.planID)
            let everyone: [StoredUser]
            if let users { everyone = users } else { everyone = try await store.users(context); users = everyone }
            let mails = try campaigns.flatMap { campaign in
                try notices.campaignNotices(planID: info.planID, planTitle: plan.title, campaign: campaign,
                                            duties: CollectionDuty.at(campaign.checkpoint, plan: plan, results: results), users: everyone, today: today)
            }
            let added = try await store.enqueueMail(context, mails)
            total += added
            if added > 0 { logger.info("posta: avvisi di rilevazione accodati", metadata: ["ente": "\(organization)", "piano": "\(info.planID)", "messaggi": "\(added)"]) }
        }
        return total
    }

    /// The OIV validated an achievement at a value other than the computed one.
    func correction(_ user: SignedInUser, snapshot: PlanSnapshot, _ override: AchievementOverride, version: Int) async {
        await enqueue(user.context.organization, "correzione \(override.subject)") {
            try notices.correctionNotices(planID: snapshot.id, planTitle: snapshot.plan.title, plan: snapshot.plan, override: override,
                                          version: version, users: try await users(user.context.organization))
        }
    }

    /// A step of a scheda: the person hears of the evaluator's, the HR office's and the OIV's steps; the evaluator
    /// (and, for a request of review, the HR office) hears of the person's.
    func appraisalStep(_ user: SignedInUser, year: Int, member: StoredPerson, evaluator: StoredPerson?, stored: StoredAppraisal) async {
        guard let event = stored.progress.history.last else { return }
        await enqueue(user.context.organization, "scheda \(member.person.id)") {
            let users = try await users(user.context.organization)
            let recipients = users.filter { candidate in
                guard candidate.id != user.user.id else { return false }
                switch event.action.actor {
                case .person: return candidate.id == evaluator?.userID || (event.action == .requestReview && candidate.role == .hr)
                default: return candidate.id == member.userID
                }
            }
            return try notices.appraisalNotice(year: year, person: member, step: event.action, actor: user.user.displayName, recipients: recipients,
                                               stepNumber: stored.progress.history.count)
        }
    }
}
