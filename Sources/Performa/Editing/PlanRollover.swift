/// *Scorrimento*: the draft of next year's three-year plan made from this year's (2021-2023 → 2022-2024), for the
/// struttura tecnica to complete. What carries over and what is left to fill:
///
/// - areas, strategic objectives, their weights and texts: carried over; their indicators keep the targets of the
///   years still in the new span (2022, 2023) and get none for the new last year (2024), left to fill;
/// - operational objectives (and the special agency's): copied for the new year with their indicators and weights,
///   keeping the targets the plan already gave for the new year, if any; the others left to fill;
/// - each indicator's baseline (*valore di partenza*) is proposed from its last measured value at 31/12 of the
///   closing year, when there is one (the old baseline stays otherwise);
/// - the neutralisations of the closing year, the acts and the version are not carried over; budget amounts only for
///   the years of the new span; the assignments to managers are copied.
///
/// The validator then lists what is missing (targets, weights), as for any draft.
public enum PlanRollover {
    public static func next(from plan: Plan, results: Results?) -> Plan {
        let closing = plan.year
        let oldSpan = "\(plan.span.from)-\(plan.span.to)"
        let span = YearSpan(from: plan.span.from + 1, to: plan.span.to + 1)
        let newSpan = "\(span.from)-\(span.to)"
        var next = plan
        next.id = plan.id.contains(oldSpan) ? plan.id.replacingOccurrences(of: oldSpan, with: newSpan) : "\(plan.id)-\(newSpan)"
        next.title = plan.title.contains(oldSpan) ? plan.title.replacingOccurrences(of: oldSpan, with: newSpan) : "\(plan.title) \(newSpan)"
        next.span = span
        next.year = span.from
        next.status = .draft
        next.version = nil
        next.acts = nil

        func carry(_ indicator: Indicator, objective: String) -> Indicator {
            var carried = indicator
            carried.targets = indicator.targets.filter { $0.at.year >= span.from && $0.at.year <= span.to }
            carried.neutralised = nil
            if let measured = results?.current(IndicatorKey(objective: objective, number: indicator.number), at: .yearEnd(closing)) {
                carried.baseline = Target(parsing: measured.text)
            }
            return carried
        }
        func carry(_ objective: OperationalObjective, key: String) -> OperationalObjective {
            var carried = objective
            carried.indicators = objective.indicators.map { carry($0, objective: key) }
            carried.budgetLines = budget(objective.budgetLines, span)
            carried.additional = nil
            return carried
        }
        next.areas = plan.areas.map { area in
            var area = area
            area.objectives = area.objectives.map { strategic in
                var strategic = strategic
                strategic.indicators = strategic.indicators.map { carry($0, objective: strategic.code) }
                strategic.budgetLines = budget(strategic.budgetLines, span)
                strategic.actions = strategic.actions?.filter { $0.year >= span.from }
                strategic.operationalObjectives = strategic.operationalObjectives.map { carry($0, key: $0.code) }
                return strategic
            }
            return area
        }
        next.specialAgencyObjectives = plan.specialAgencyObjectives?.map { agency in
            // Agency objectives are keyed by the agency's code (`PB.1`), as in `PlanIndex`.
            let prefix = plan.organization.specialAgencies?.first { $0.id == agency.agency }?.code ?? agency.agency
            var agency = agency
            agency.objectives = agency.objectives.map { carry($0, key: "\(prefix).\($0.code)") }
            return agency
        }
        // The PIAO's measures are monitored like operational objectives: their indicators roll over the same way.
        if var register = next.piao?.risks {
            register.measures = register.measures.map { measure in
                var measure = measure
                measure.indicators = measure.indicators?.map { carry($0, objective: measure.key) }
                return measure
            }
            next.piao?.risks = register
        }
        if next.piao != nil {
            next.piao?.span = span
            next.piao?.acts = nil
        }
        return next
    }

    private static func budget(_ lines: [BudgetLine]?, _ span: YearSpan) -> [BudgetLine]? {
        lines?.map { line in
            var line = line
            line.amounts = line.amounts.filter { $0.year >= span.from && $0.year <= span.to }
            return line
        }
    }
}
