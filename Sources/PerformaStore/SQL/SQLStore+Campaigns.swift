import Foundation
import Performa
import SQLKit

extension SQLStore {
    public func campaigns(_ context: AccessContext, planID: String) async throws -> [Campaign] {
        try await read(context) { scope in try await scope.campaignRows(planID) }
    }

    public func scheduledCampaigns(_ context: AccessContext) async throws -> [Campaign] {
        try await read(context) { scope in try await scope.scheduledCampaignRows() }
    }

    public func scheduledCampaigns(organizations: [String]) async throws -> [String: [Campaign]] {
        let postgres = database.kind == .postgres
        var found: [String: [Campaign]] = [:]
        for row in try await rowsAcross(organizations, { slice in
            postgres ? "SELECT * FROM performa_scheduled_campaigns(\(bind: slice))"
                     : "SELECT * FROM campaigns WHERE organization_id IN (\(binds: slice)) AND opens_on IS NOT NULL"
        }) {
            found[try row.text("organization_id"), default: []].append(try Scope.campaign(row))
        }
        // Each organization's in the order `scheduledCampaigns(_:)` gives.
        return found.mapValues { $0.sorted { ($0.planID, $0.checkpoint) < ($1.planID, $1.checkpoint) } }
    }

    public func changeCampaign(_ context: AccessContext, planID: String, checkpoint: Day, to state: CampaignState, reason: String?, expectedRowVersion: Int) async throws -> Campaign {
        try await write(context) { scope in
            try scope.require([.admin], "aprire o chiudere le rilevazioni")
            let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let before = try await scope.campaignRows(planID).first(where: { $0.checkpoint == checkpoint }) else {
                throw StoreError.invalid("Il piano «\(planID)» non ha scadenze di rilevazione al \(checkpoint.italian).")
            }
            guard before.rowVersion == expectedRowVersion else {
                throw StoreError.staleWrite(subject: "la rilevazione al \(checkpoint.italian)", expected: expectedRowVersion, current: before.rowVersion)
            }
            switch (before.state, state) {
            case (.open, .closed), (.reopened, .closed):
                break
            case (.closed, .reopened):
                guard let reason, !reason.isEmpty else { throw StoreError.invalid("Per riaprire la rilevazione al \(checkpoint.italian) serve il motivo.") }
            default:
                throw StoreError.invalid("La rilevazione al \(checkpoint.italian) è \(before.state.italian): non può passare a «\(state.italian)».")
            }
            var after = before
            after.state = state
            after.reason = reason
            try await scope.saveCampaign(before: before, after: &after)
            return after
        }
    }

    /// Sets when a collection opens and is planned to close (and the reminder's notice); the campaign must not be
    /// closed. The notices themselves are enqueued by the notification planner, which reads this schedule.
    public func scheduleCampaign(_ context: AccessContext, planID: String, checkpoint: Day, _ schedule: CampaignSchedule,
                                 expectedRowVersion: Int) async throws -> Campaign {
        if let problem = schedule.problem { throw StoreError.invalid(problem) }
        return try await write(context) { scope in
            try scope.require([.admin], "pianificare le rilevazioni")
            guard let before = try await scope.campaignRows(planID).first(where: { $0.checkpoint == checkpoint }) else {
                throw StoreError.invalid("Il piano «\(planID)» non ha scadenze di rilevazione al \(checkpoint.italian).")
            }
            guard before.rowVersion == expectedRowVersion else {
                throw StoreError.staleWrite(subject: "la rilevazione al \(checkpoint.italian)", expected: expectedRowVersion, current: before.rowVersion)
            }
            guard before.acceptsMeasurements else {
                throw StoreError.invalid("La rilevazione al \(checkpoint.italian) è chiusa: riaprirla prima di pianificarne le date.")
            }
            var after = before
            after.schedule = schedule
            after.reason = nil
            try await scope.saveCampaign(before: before, after: &after)
            return after
        }
    }
}

extension Scope {
    /// Writes `after` over `before` (insert for a campaign never changed, else an update guarded by the row
    /// version), stamps who and when, and audits it.
    fileprivate func saveCampaign(before: Campaign, after: inout Campaign) async throws {
        after.changedBy = context.user
        after.changedAt = now
        after.rowVersion = before.rowVersion + 1
        let schedule = after.schedule
        if before.rowVersion == 0 {
            try await db.raw("""
                INSERT INTO campaigns (organization_id, plan_id, checkpoint, state, reason, changed_by, changed_at, row_version,
                                       opens_on, closes_on, reminder_days)
                VALUES (\(bind: organization), \(bind: after.planID), \(bind: after.checkpoint.description), \(bind: after.state.rawValue), \
                \(bind: after.reason), \(bind: context.user), \(bind: nowText), 1, \(bind: schedule?.opensOn.description), \
                \(bind: schedule?.closesOn.description), \(bind: schedule?.reminderDays))
                """).run()
        } else {
            guard try await db.raw("""
                UPDATE campaigns SET state = \(bind: after.state.rawValue), reason = \(bind: after.reason), changed_by = \(bind: context.user),
                    changed_at = \(bind: nowText), row_version = row_version + 1, opens_on = \(bind: schedule?.opensOn.description),
                    closes_on = \(bind: schedule?.closesOn.description), reminder_days = \(bind: schedule?.reminderDays)
                WHERE organization_id = \(bind: organization) AND plan_id = \(bind: after.planID) AND checkpoint = \(bind: after.checkpoint.description)
                  AND row_version = \(bind: before.rowVersion)
                RETURNING row_version
                """).first() != nil else { throw StoreError.concurrentWrite }
        }
        try await audit("update", "campaign", "\(after.planID)@\(after.checkpoint)", before: before, after: after)
    }

    /// Every checkpoint that has a target in the current version, open unless a stored row says otherwise.
    func campaignRows(_ planID: String) async throws -> [Campaign] {
        guard let version = try await currentVersion(planID) else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
        var campaigns: [Day: Campaign] = [:]
        for row in try await db.raw("""
            SELECT targets_json FROM plan_indicators WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND version = \(bind: version)
            """).all() {
            for target in try row.json("targets_json", as: [TargetCheckpoint].self) ?? [] where target.asksForValue {
                campaigns[target.at] = Campaign(planID: planID, checkpoint: target.at, state: .open, reason: nil, changedBy: nil, changedAt: nil, rowVersion: 0)
            }
        }
        for row in try await db.raw("""
            SELECT * FROM campaigns WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID)
            """).all() {
            let campaign = try Self.campaign(row)
            campaigns[campaign.checkpoint] = campaign
        }
        return campaigns.values.sorted { $0.checkpoint < $1.checkpoint }
    }

    /// The collections with a schedule, of every plan of the organization: one read of the campaigns alone, since
    /// a scheduled collection always has its row (what the mail sender looks at for each organization, every pass).
    func scheduledCampaignRows() async throws -> [Campaign] {
        try await db.raw("""
            SELECT * FROM campaigns WHERE organization_id = \(bind: organization) AND opens_on IS NOT NULL
            ORDER BY plan_id, checkpoint
            """).all().map(Self.campaign)
    }

    static func campaign(_ row: any SQLRow) throws -> Campaign {
        let stateText = try row.text("state")
        guard let state = CampaignState(rawValue: stateText) else { throw StoreError.database("stato di rilevazione sconosciuto: «\(stateText)»") }
        var schedule: CampaignSchedule?
        if let opens = try row.optionalText("opens_on"), let closes = try row.optionalText("closes_on"),
           let opensOn = Day(parsing: opens), let closesOn = Day(parsing: closes) {
            schedule = CampaignSchedule(opensOn: opensOn, closesOn: closesOn, reminderDays: try row.optionalInteger("reminder_days") ?? 0)
        }
        return Campaign(planID: try row.text("plan_id"), checkpoint: try row.day("checkpoint"), state: state, reason: try row.optionalText("reason"),
                        changedBy: try row.text("changed_by"), changedAt: try row.time("changed_at"),
                        rowVersion: try row.integer("row_version"), schedule: schedule)
    }
}
