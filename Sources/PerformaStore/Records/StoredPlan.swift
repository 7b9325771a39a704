import Foundation
import Performa

/// One stored version of a plan: its identity and how it came to be. Versions are immutable once adopted;
/// a revision adds version n+1.
public struct PlanVersionInfo: Hashable, Sendable, Codable {
    public var organization: String
    public var planID: String
    public var version: Int
    public var status: PlanStatus
    public var title: String
    public var year: Int
    /// SHA-256 of the stored canonical JSON (`PlanFile.json`).
    public var sha256: String
    /// Why this version exists (revisions only).
    public var reason: String?
    /// The act that approved the revision (revisions only).
    public var act: ApprovalAct?
    public var createdBy: String
    public var createdAt: Date
    /// Optimistic concurrency for the in-place changes a draft allows (replacement, validation, adoption).
    public var rowVersion: Int
}

/// A plan as stored, with its version information.
public struct StoredPlan: Hashable, Sendable {
    public var plan: Plan
    public var info: PlanVersionInfo
}

/// Why and by which act a revised plan replaces the adopted one (e.g. "obiettivo aggiuntivo", delibera n. 80).
public struct PlanRevision: Hashable, Sendable {
    public var reason: String
    /// Normally `kind: .revision`, with the body, number and date of the act.
    public var act: ApprovalAct

    public init(reason: String, act: ApprovalAct) {
        self.reason = reason
        self.act = act
    }
}

/// What `importPlan` did.
public enum PlanImportOutcome: Hashable, Sendable {
    case created(PlanVersionInfo, organizationCreated: Bool)
    /// The stored current version is already equal to the file.
    case unchanged(PlanVersionInfo)
    /// A draft (not yet adopted) was replaced in place; the audit log keeps the old one.
    case draftReplaced(PlanVersionInfo)
    case revised(PlanVersionInfo)

    public var info: PlanVersionInfo {
        switch self {
        case .created(let info, _), .unchanged(let info), .draftReplaced(let info), .revised(let info): return info
        }
    }
}

/// An objective assigned to a manager in one plan version (from the plan's assignment table).
public struct StoredAssignment: Hashable, Sendable, Codable {
    public var planID: String
    public var version: Int
    public var manager: String
    public var objective: String
    public var weight: Double
}
