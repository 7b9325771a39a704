import Foundation
import Performa
import SQLKit

extension SQLStore {
    public func campaigns(_ context: AccessContext, planID: String) async throws -> [Campaign] {
        try await read(context) { scope in try await scope.campaignRows(planID) }
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
            let after = Campaign(planID: planID, checkpoint: checkpoint, state: state, reason: reason, changedBy: scope.context.user,
                                 changedAt: scope.now, rowVersion: expectedRowVersion + 1)
            if expectedRowVersion == 0 {
                try await scope.db.raw("""
                    INSERT INTO campaigns (organization_id, plan_id, checkpoint, state, reason, changed_by, changed_at, row_version)
                    VALUES (\(bind: scope.organization), \(bind: planID), \(bind: checkpoint.description), \(bind: state.rawValue), \(bind: reason), \
                    \(bind: scope.context.user), \(bind: scope.nowText), 1)
                    """).run()
            } else {
                guard try await scope.db.raw("""
                    UPDATE campaigns SET state = \(bind: state.rawValue), reason = \(bind: reason), changed_by = \(bind: scope.context.user),
                        changed_at = \(bind: scope.nowText), row_version = row_version + 1
                    WHERE organization_id = \(bind: scope.organization) AND plan_id = \(bind: planID) AND checkpoint = \(bind: checkpoint.description)
                      AND row_version = \(bind: expectedRowVersion)
                    RETURNING row_version
                    """).first() != nil else { throw StoreError.concurrentWrite }
            }
            try await scope.audit("update", "campaign", "\(planID)@\(checkpoint)", before: before, after: after)
            return after
        }
    }
}

extension Scope {
    /// Every checkpoint that has a target in the current version, open unless a stored row says otherwise.
    func campaignRows(_ planID: String) async throws -> [Campaign] {
        guard let version = try await currentVersion(planID) else { throw StoreError.notFound(subject: "il piano «\(planID)»") }
        var campaigns: [Day: Campaign] = [:]
        for row in try await db.raw("""
            SELECT targets_json FROM plan_indicators WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID) AND version = \(bind: version)
            """).all() {
            for target in try row.json("targets_json", as: [IndicatorTarget].self) ?? [] where target.target.kind != .notApplicable {
                campaigns[target.at] = Campaign(planID: planID, checkpoint: target.at, state: .open, reason: nil, changedBy: nil, changedAt: nil, rowVersion: 0)
            }
        }
        for row in try await db.raw("""
            SELECT * FROM campaigns WHERE organization_id = \(bind: organization) AND plan_id = \(bind: planID)
            """).all() {
            let stateText = try row.text("state")
            guard let state = CampaignState(rawValue: stateText) else { throw StoreError.database("stato di rilevazione sconosciuto: «\(stateText)»") }
            let checkpoint = try row.day("checkpoint")
            campaigns[checkpoint] = Campaign(planID: planID, checkpoint: checkpoint, state: state, reason: try row.optionalText("reason"),
                                             changedBy: try row.text("changed_by"), changedAt: try row.time("changed_at"),
                                             rowVersion: try row.integer("row_version"))
        }
        return campaigns.values.sorted { $0.checkpoint < $1.checkpoint }
    }
}
