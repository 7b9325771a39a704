/// The parts of a plan that different offices answer for: the RPCT keeps the PIAO's 2.3 register, the HR office
/// its section 3 (the organizational units, the lavoro agile plan, the staffing and training plans), the struttura
/// tecnica everything else. A change is allowed when the
/// acting role answers for every part it touches (`PlanPart.changed`).
public enum PlanPart: String, Hashable, Sendable, CaseIterable {
    /// PIAO subsection 2.3: processes, risks, measures, transparency obligations.
    case riskRegister
    /// PIAO section 3: the units (3.1), the lavoro agile plan (3.2), the staffing and training plans (3.3).
    case organizationAndStaff
    /// The rest: the Piano della Performance and the other PIAO sections.
    case rest

    public var italian: String {
        switch self {
        case .riskRegister: return "la sottosezione 2.3 del PIAO (rischi corruttivi e trasparenza)"
        case .organizationAndStaff: return "la sezione 3 del PIAO (organizzazione e capitale umano)"
        case .rest: return "il piano"
        }
    }

    /// The parts in which `new` differs from `old`.
    public static func changed(from old: Plan, to new: Plan) -> Set<PlanPart> {
        var parts: Set<PlanPart> = []
        if old.piao?.risks != new.piao?.risks { parts.insert(.riskRegister) }
        if sectionThree(old) != sectionThree(new) { parts.insert(.organizationAndStaff) }
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
        plan.organization.units = nil
        plan.agileWork = nil
        (plan.version, plan.status, plan.acts) = (nil, .draft, nil)
        return plan
    }

    /// `old` with `parts` taken from `new`: what is saved when an office changes its part, so that nothing else of the
    /// stored plan (its acts, its version) can come in with it.
    public static func graft(_ parts: Set<PlanPart>, from new: Plan, onto old: Plan) -> Plan {
        guard !parts.contains(.rest) else { return new }
        var plan = old
        if parts.contains(.riskRegister) { plan.setPIAO(\.risks, new.piao?.risks) }
        if parts.contains(.organizationAndStaff) {
            plan.setPIAO(\.staffing, new.piao?.staffing)
            plan.setPIAO(\.training, new.piao?.training)
            plan.organization.units = new.organization.units
            plan.agileWork = new.agileWork
        }
        return plan
    }

    /// Section 3 as one comparable value: units, lavoro agile, staffing, training.
    private static func sectionThree(_ plan: Plan) -> [AnyHashable?] {
        [plan.organization.units, plan.agileWork, plan.piao?.staffing, plan.piao?.training]
    }
}

extension Plan {
    /// Sets a part of the PIAO, creating the PIAO only to hold a value.
    fileprivate mutating func setPIAO<Value>(_ part: WritableKeyPath<PIAO, Value?>, _ value: Value?) {
        if piao == nil, value == nil { return }
        var piao = self.piao ?? PIAO()
        piao[keyPath: part] = value
        self.piao = piao
    }
}
