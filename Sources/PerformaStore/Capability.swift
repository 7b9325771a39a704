import Performa

/// What a role may do (DESIGN.md §7): the one permission table of Performa. The store checks it before every
/// change it guards (`Scope.require(_:_:)`); the web application checks the same table first, so that it shows only
/// the forms a user may submit and refuses the rest with 403 before anything is read from the request body.
public enum Capability: String, CaseIterable, Sendable {
    /// Every page and every read endpoint of the user's own organization.
    case read
    /// Rilevazioni: managers only on the objectives assigned to them, the struttura tecnica on any.
    case enterMeasurements
    /// Open, close and reopen the collection at a checkpoint (campagna di rilevazione).
    case manageCampaigns
    /// Validate or correct an achievement, declare an indicator not assessable (OIV).
    case validateResults
    /// The economic value of objectives and the amount earned (valorizzazione).
    case seeValorization
    /// Areas, objectives, indicators, targets, weights, assignments; revisions of an adopted plan.
    case editPlan
    /// Record the OIV's validation of a draft plan.
    case validatePlan
    /// Record the Giunta's adoption of a plan.
    case adoptPlan
    /// Create users, change their role, link and state, reset their passwords (every user changes their own).
    case manageUsers
    /// Read the audit log.
    case readAuditLog
    /// The staff of a year, the SMVP and the funds for individual performance (who sees each scheda is
    /// `AppraisalAccess`, by the user's relation to it).
    case manageStaff
    /// The year's aggregated appraisal figures: bonus distribution and differentiation report.
    case readAppraisalReports
    /// The PIAO's subsection 2.3: processes, risks, prevention measures, transparency obligations.
    case editRiskRegister
    /// The PIAO's section 3: organizational units (3.1), lavoro agile (3.2), staffing and training plans (3.3).
    case editOrganizationAndStaff
}

extension Role {
    /// The permission table: one place, tested row by row (`PermissionTests`).
    public func may(_ capability: Capability) -> Bool {
        switch capability {
        case .read: return true
        case .enterMeasurements: return self == .manager || self == .admin || self == .rpct
        case .manageCampaigns, .editPlan, .adoptPlan, .manageUsers: return self == .admin
        case .readAuditLog: return self == .admin || self == .oiv
        case .manageStaff: return self == .hr || self == .admin
        case .readAppraisalReports: return self == .hr || self == .admin || self == .oiv
        case .validateResults, .validatePlan: return self == .oiv
        case .seeValorization: return self == .oiv || self == .admin
        case .editRiskRegister: return self == .rpct || self == .admin
        case .editOrganizationAndStaff: return self == .hr || self == .admin
        }
    }
}

extension PlanPart {
    /// What a role needs to change this part of a plan.
    public var capability: Capability {
        switch self {
        case .riskRegister: return .editRiskRegister
        case .organizationAndStaff: return .editOrganizationAndStaff
        case .rest: return .editPlan
        }
    }
}

extension Scope {
    /// The plan to save for a change from `old` to `new`: refused when it touches a part the acting role does not
    /// answer for; for a role that answers for some parts only, `old` with those parts (`PlanPart.graft`).
    func permittedChange(from old: Plan, to new: Plan) throws -> Plan {
        let changed = PlanPart.changed(from: old, to: new)
        for part in PlanPart.allCases where changed.contains(part) {
            try require(part.capability, "modificare \(part.italian)")
        }
        return context.role.may(.editPlan) ? new : PlanPart.graft(changed, from: new, onto: old)
    }
}

extension Scope {
    /// Refuses a change the acting role may not make, by the permission table.
    func require(_ capability: Capability, _ action: String) throws {
        guard context.role.may(capability) else { throw StoreError.forbidden(role: context.role, action: action) }
    }
}
