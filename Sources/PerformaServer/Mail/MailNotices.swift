import Foundation
import Performa
import PerformaStore

/// The e-mails Performa sends, composed from the Italian text templates (`Templates/posta-*.mustache`) with links
/// back to the application. Each notice's id says what it is about and for whom, so the outbox keeps it once.
struct MailNotices: Sendable {
    let pages: PageRenderer
    /// The address users reach Performa at, without a final slash (`PERFORMA_PUBLIC_URL`).
    let baseURL: String

    /// The indicators listed in a notice; the rest are counted.
    static let listedIndicators = 15

    /// The opening notice and the reminder of one collection campaign, as due on `today`: the opening from the
    /// announced day until the planned closing, to every manager with indicators due and to the RPCT when
    /// prevention measures are; the reminder from its day
    /// until the closing, to those with values missing who have not turned reminders off. Nothing for a campaign
    /// without a schedule or already closed.
    func campaignNotices(planID: String, planTitle: String, campaign: Campaign, duties: [CollectionDuty], users: [StoredUser],
                         today: Day) throws -> [OutgoingMail] {
        guard let schedule = campaign.schedule, campaign.acceptsMeasurements, schedule.opensOn <= today, today <= schedule.closesOn else { return [] }
        let link = baseURL + Paths.measurements(planID, at: campaign.checkpoint)
        var mails: [OutgoingMail] = []
        for duty in duties {
            for user in Self.recipients(users, holder: duty.holder) {
                let email = user.email ?? ""
                func view(_ listed: [IndicatorKey]) -> CampaignMailView {
                    CampaignMailView(name: user.displayName, plan: planTitle, checkpoint: campaign.checkpoint.italian, dueCount: String(duty.due.count),
                                     missingCount: duty.missing.isEmpty ? nil : String(duty.missing.count),
                                     scope: duty.manager == nil ? "le misure di prevenzione della corruzione del PIAO" : "gli obiettivi a Lei assegnati",
                                     opensOn: schedule.opensOn.italian,
                                     closesOn: schedule.closesOn.italian, indicators: listed.prefix(Self.listedIndicators).map(\.description),
                                     more: listed.count > Self.listedIndicators ? String(listed.count - Self.listedIndicators) : nil,
                                     link: link, profileLink: baseURL + AccountPage.path)
                }
                let key = "\(planID)/\(campaign.checkpoint)/\(user.id)"
                mails.append(OutgoingMail(id: "rilevazione-aperta/\(key)", kind: "campaign-open", recipientUser: user.id, recipient: email,
                                          subject: "Performa: aperta la rilevazione al \(campaign.checkpoint.italian)",
                                          body: try pages.render("posta-rilevazione-aperta", view(duty.due))))
                if today >= schedule.remindOn && user.reminders && !duty.missing.isEmpty {
                    mails.append(OutgoingMail(id: "promemoria/\(key)/\(schedule.closesOn)", kind: "campaign-reminder", recipientUser: user.id,
                                              recipient: email,
                                              subject: "Performa: la rilevazione al \(campaign.checkpoint.italian) chiude il \(schedule.closesOn.italian)",
                                              body: try pages.render("posta-promemoria", view(duty.missing))))
                }
            }
        }
        return mails
    }

    /// To the managers of an objective (or of the objective of an indicator) whose achievement the OIV validated
    /// at a value different from the computed one.
    func correctionNotices(planID: String, planTitle: String, plan: Plan, override: AchievementOverride, version: Int,
                           users: [StoredUser]) throws -> [OutgoingMail] {
        let objective = IndicatorKey(parsing: override.subject)?.objective ?? override.subject
        let managers = Set((plan.assignments ?? []).filter { $0.objectives.contains { $0.objective == objective } }.map(\.manager))
        return try managers.sorted().flatMap { manager in
            try Self.recipients(users, manager: manager).map { user in
                let view = CorrectionMailView(name: user.displayName, plan: planTitle, subject: override.subject, checkpoint: override.at.italian,
                                              achievement: ItalianNumber.percentValue(override.achievement), reason: override.reason,
                                              link: baseURL + Paths.objective(planID, objective))
                return OutgoingMail(id: "correzione/\(planID)/\(override.subject)/\(override.at)/\(version)/\(user.id)", kind: "override",
                                    recipientUser: user.id, recipient: user.email ?? "",
                                    subject: "Performa: risultato di «\(override.subject)» validato dall'OIV", body: try pages.render("posta-correzione", view))
            }
        }
    }

    /// To whoever has the next step of a scheda after `step` was taken: the person, or their evaluator's users.
    func appraisalNotice(year: Int, person: StoredPerson, step: AppraisalAction.Kind, actor: String, recipients: [StoredUser],
                         stepNumber: Int) throws -> [OutgoingMail] {
        try recipients.filter(Self.reachable).map { user in
            let view = AppraisalMailView(name: user.displayName, year: String(year), person: person.person.name, step: step.italian, actor: actor,
                                         link: baseURL + Paths.appraisal(person.person.id, year: year))
            return OutgoingMail(id: "valutazione/\(year)/\(person.person.id)/\(stepNumber)/\(user.id)", kind: "appraisal", recipientUser: user.id,
                                recipient: user.email ?? "", subject: "Performa: scheda di valutazione \(year) – \(step.italian)",
                                body: try pages.render("posta-valutazione", view))
        }
    }

    /// Active users acting as `manager` with a usable e-mail address.
    static func recipients(_ users: [StoredUser], manager: String) -> [StoredUser] {
        users.filter { $0.managerID == manager && reachable($0) }
    }

    /// Who is told about a collection duty: the manager's users, or every RPCT user.
    static func recipients(_ users: [StoredUser], holder: CollectionDuty.Holder) -> [StoredUser] {
        switch holder {
        case .manager(let manager): return recipients(users, manager: manager)
        case .corruptionPrevention: return users.filter { $0.role == .rpct && reachable($0) }
        }
    }

    /// An active user with a usable e-mail address: the only kind a notice is written for.
    static func reachable(_ user: StoredUser) -> Bool {
        user.active && user.email.flatMap(MailAddress.bare) != nil
    }
}

/// What the collection notices say (`posta-rilevazione-aperta`, `posta-promemoria`).
struct CampaignMailView: Sendable {
    var name: String
    var plan: String
    var checkpoint: String
    var dueCount: String
    var missingCount: String?
    /// Whose indicators they are: the objectives assigned to a manager, or the PIAO's prevention measures.
    var scope: String
    var opensOn: String
    var closesOn: String
    var indicators: [String]
    /// How many indicators are not listed.
    var more: String?
    var link: String
    var profileLink: String
}

/// What the notice of an OIV correction says (`posta-correzione`).
struct CorrectionMailView: Sendable {
    var name: String
    var plan: String
    var subject: String
    var checkpoint: String
    var achievement: String
    var reason: String
    var link: String
}

/// What the notice of an appraisal step says (`posta-valutazione`).
struct AppraisalMailView: Sendable {
    var name: String
    var year: String
    var person: String
    var step: String
    var actor: String
    var link: String
}
