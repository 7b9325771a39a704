/// The parts of a plan that different offices answer for: the RPCT keeps the PIAO's 2.3 register, the HR office
/// its section 3 staffing and training plans, the struttura tecnica everything else. A change is allowed when the
/// acting role answers for every part it touches (`PlanPart.changed`).
public enum PlanPart: String, Hashable, Sendable, CaseIterable {
    /// PIAO subsection 2.3: processes, risks, measures, transparency obligations.
    case riskRegister
    /// PIAO subsection 3.3: the staffing plan and the training plan.
    case staffing
    /// The rest: the Piano della Performance and the other PIAO sections.
    case rest

    public var italian: String {
        switch self {
        case .riskRegister: return "la sottosezione 2.3 del PIAO (rischi corruttivi e trasparenza)"
        case .staffing: return "la sottosezione 3.3 del PIAO (fabbisogni di personale e formazione)"
        case .rest: return "il piano"
        }
    }

    /// The parts in which `new` differs from `old`.
    public static func changed(from old: Plan, to new: Plan) -> Set<PlanPart> {
        var parts: Set<PlanPart> = []
        if old.piao?.risks != new.piao?.risks { parts.insert(.riskRegister) }
        if old.piao?.staffing != new.piao?.staffing || old.piao?.training != new.piao?.training { parts.insert(.staffing) }
        if without(old) != without(new) { parts.insert(.rest) }
        return parts
    }

    /// The plan with the separately owned parts taken out, and what the store itself sets on a revision (version,
    /// status, acts), to compare the rest.
    private static func without(_ plan: Plan) -> Plan {
        var plan = plan
        plan.piao?.risks = nil
        plan.piao?.staffing = nil
        plan.piao?.training = nil
        (plan.version, plan.status, plan.acts) = (nil, .draft, nil)
        return plan
    }

    /// `old` with `parts` taken from `new`: what is saved when an office changes its part, so that nothing else of the
    /// stored plan (its acts, its version) can come in with it.
    public static func graft(_ parts: Set<PlanPart>, from new: Plan, onto old: Plan) -> Plan {
        var plan = parts.contains(.rest) ? new : old
        guard !parts.contains(.rest) else { return plan }
        var piao = plan.piao ?? PIAO()
        if parts.contains(.riskRegister) { piao.risks = new.piao?.risks }
        if parts.contains(.staffing) {
            piao.staffing = new.piao?.staffing
            piao.training = new.piao?.training
        }
        plan.piao = piao
        return plan
    }
}
