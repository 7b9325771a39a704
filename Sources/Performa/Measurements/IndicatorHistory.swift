/// An indicator across the plans that carry it (the same objective code and number, as *scorrimento* keeps them):
/// for each plan and each year of its span, the baseline it started from, the 31/12 target it set and the value
/// measured. A year appears once per plan that planned it, so a target moved by the next plan shows beside the old one;
/// a plan with no target yet shows its own year with its baseline.
public struct IndicatorHistory: Sendable {
    public struct Entry: Hashable, Sendable {
        public var planID: String
        public var planTitle: String
        public var span: YearSpan
        public var year: Int
        public var baseline: Target?
        public var target: Target?
        public var measured: Measurement?
    }

    /// A plan of the organization with its results, indexed once for the histories of all the indicators asked.
    public struct Source: Sendable {
        public let id: String
        public let plan: Plan
        public let results: Results
        let index: PlanIndex

        public init(id: String, plan: Plan, results: Results) {
            self.id = id
            self.plan = plan
            self.results = results
            index = PlanIndex(plan)
        }
    }

    public let key: IndicatorKey
    public let entries: [Entry]

    /// `plans`: every plan of the organization, in any order.
    public init(_ key: IndicatorKey, plans: [Source]) {
        self.key = key
        var entries: [Entry] = []
        for source in plans {
            let (id, plan, results) = (source.id, source.plan, source.results)
            guard let indicator = source.index.indicator(key) else { continue }
            let before = entries.count
            for year in plan.span.years {
                let day = Day.yearEnd(year)
                let target = indicator.target(at: day).map(\.target)
                let measured = results.current(key, at: day)
                guard target != nil || measured != nil else { continue }
                entries.append(Entry(planID: id, planTitle: plan.title, span: plan.span, year: year, baseline: indicator.baseline,
                                     target: target, measured: measured))
            }
            // A plan that carries the indicator without targets yet (a draft from scorrimento) still shows its baseline.
            if entries.count == before {
                entries.append(Entry(planID: id, planTitle: plan.title, span: plan.span, year: plan.year, baseline: indicator.baseline,
                                     target: nil, measured: nil))
            }
        }
        self.entries = entries.sorted { ($0.year, $0.span.from, $0.planID) < ($1.year, $1.span.from, $1.planID) }
    }

    /// More than one plan carries the indicator: there is a history to show.
    public var spansSeveralPlans: Bool { Set(entries.map(\.planID)).count > 1 }
}
