import Performa
import PerformaStore

/// Whether the signed-in user may enter a value for an objective at a checkpoint: the role (`enterMeasurements`),
/// the assignment (a manager writes only for the objectives assigned to them in the plan) and the collection
/// campaign (open or reopened). The store checks the same rules again when it records.
struct MeasurementAccess: Sendable {
    let role: Role
    /// Objective keys assigned to the user's manager (for the RPCT: the prevention measures); nil for the struttura
    /// tecnica, which writes for all.
    let assigned: Set<String>?
    let campaigns: [Day: Campaign]
    /// The plan's cycle is over (Relazione validated): nothing is entered any more.
    let planClosed: Bool

    init(user: SignedInUser, snapshot: PlanSnapshot, campaigns: [Campaign]) {
        role = user.role
        planClosed = snapshot.stored.info.status == .closed
        switch user.role {
        case .admin: assigned = nil
        case .rpct: assigned = snapshot.plan.preventionMonitoringKeys
        default: assigned = snapshot.objectives(assignedTo: user.user.managerID)
        }
        self.campaigns = Dictionary(campaigns.map { ($0.checkpoint, $0) }, uniquingKeysWith: { _, last in last })
    }

    static func load(_ store: any PerformaStore, _ user: SignedInUser, _ snapshot: PlanSnapshot) async throws -> MeasurementAccess {
        MeasurementAccess(user: user, snapshot: snapshot, campaigns: try await store.campaigns(user.context, planID: snapshot.id))
    }

    /// The role may write and the objective is the user's to write.
    func mayWrite(objective key: String) -> Bool {
        guard role.may(.enterMeasurements) else { return false }
        return assigned.map { $0.contains(key) } ?? true
    }

    /// The collection at this checkpoint accepts values (a checkpoint never closed is open).
    func isOpen(_ checkpoint: Day) -> Bool {
        !planClosed && campaigns[checkpoint]?.acceptsMeasurements ?? true
    }

    func mayEnter(objective key: String, at checkpoint: Day) -> Bool {
        mayWrite(objective: key) && isOpen(checkpoint)
    }

    /// Why the user cannot enter a value there, in Italian; nil when they can.
    func refusal(objective key: String, at checkpoint: Day) -> String? {
        if !role.may(.enterMeasurements) { return "Il ruolo «\(role.italian)» può consultare le rilevazioni ma non inserirle." }
        if !mayWrite(objective: key), role == .rpct {
            return "\(key) non è una misura di prevenzione della corruzione: il RPCT inserisce solo i valori delle misure della sottosezione 2.3."
        }
        if !mayWrite(objective: key) { return "L'obiettivo \(key) non è assegnato a questo dirigente: solo il dirigente assegnatario o la struttura tecnica possono inserirne i valori." }
        if planClosed { return "Il ciclo del piano è chiuso (Relazione sulla performance validata dall'OIV): i valori non si modificano più." }
        if !isOpen(checkpoint) { return StoreError.closedCampaign(checkpoint: checkpoint).description }
        return nil
    }
}
