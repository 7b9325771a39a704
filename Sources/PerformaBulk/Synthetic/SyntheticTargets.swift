import Performa

/// The target shapes of generated indicators, in about the mix of the Brescia plan (counts, percentages,
/// yes/no and milestones first; reductions, compound targets, rates) plus the shapes DESIGN.md §3 calls
/// common elsewhere (deadlines, ratios, maxima). Every text is one the target parser reads as the kind
/// written beside it (a test checks each), so plan files carry plain texts and scoring sees real kinds.
enum SyntheticShape: CaseIterable {
    case count, countWithUnit, percent, yesNo, milestone, reduction, compound, rate, deadline, ratio, atMost

    /// Relative frequency of each shape among operational indicators.
    static let operationalMix: [(SyntheticShape, Int)] = [
        (.count, 20), (.countWithUnit, 14), (.percent, 20), (.yesNo, 12), (.milestone, 10), (.reduction, 5),
        (.compound, 4), (.rate, 2), (.deadline, 5), (.ratio, 5), (.atMost, 3),
    ]

    /// Strategic objectives' own indicators are mostly yes/no, percentages, counts and milestones.
    static let strategicMix: [(SyntheticShape, Int)] = [(.yesNo, 40), (.percent, 25), (.count, 20), (.milestone, 15)]

    static func draw(_ mix: [(SyntheticShape, Int)], _ random: inout SeededRandom) -> SyntheticShape {
        mix[random.weighted(mix.map(\.1))].0
    }
}

/// One generated indicator: title, evidence, baseline and targets for every checkpoint.
struct SyntheticIndicatorText {
    var title: String
    var evidence: String
    var baseline: Target?
    /// The 30/6 target of an operational indicator (`-` when nothing is due at mid-year).
    var midYear: Target
    /// The 31/12 target of the plan year, then those of the following years (strategic indicators).
    var yearEnds: [Target]
}

enum SyntheticTargets {
    static func target(_ text: String, _ kind: TargetKind) -> Target { Target(text: text, kind: kind, isExplicit: false) }

    /// An indicator of `shape` whose targets cover `years` year-ends (1 for operational indicators).
    static func indicator(_ shape: SyntheticShape, years: Int, planYear: Int, _ random: inout SeededRandom) -> SyntheticIndicatorText {
        switch shape {
        case .count:
            let level = random.pick([5, 12, 40, 70, 110, 350, 800, 1200, 1800, 3500])
            let first = max(2, level + random.int(-level / 4...level / 4))
            let counts = (0..<years).map { first + first * $0 / 10 }
            return SyntheticIndicatorText(
                title: random.pick(SyntheticNames.countTitles), evidence: random.pick(SyntheticNames.evidence),
                baseline: random.chance(50) ? .notApplicable : target(String(first * 9 / 10), .atLeast(Double(first * 9 / 10), unit: nil)),
                midYear: random.chance(40) ? .notApplicable : target(String(max(1, first / 2)), .atLeast(Double(max(1, first / 2)), unit: nil)),
                yearEnds: counts.map { target(String($0), .atLeast(Double($0), unit: nil)) })
        case .countWithUnit:
            let (unit, title) = random.pick(SyntheticNames.countUnits)
            let n = random.pick([2, 4, 5, 6, 10, 20, 40, 100, 500, 1500])
            let style = random.int(0...2)
            func text(_ value: Int) -> (String, TargetKind) {
                switch style {
                case 0: return ("\(value) \(unit)", .atLeast(Double(value), unit: unit))
                case 1: return ("Almeno \(value)", .atLeast(Double(value), unit: nil))
                default: return ("n. \(value)", .atLeast(Double(value), unit: nil))
                }
            }
            let year = (0..<years).map { text(n + n * $0 / 5) }
            let mid = text(max(1, n / 2))
            return SyntheticIndicatorText(
                title: title, evidence: random.pick(SyntheticNames.evidence), baseline: .notApplicable,
                midYear: random.chance(50) ? .notApplicable : target(mid.0, mid.1),
                yearEnds: year.map { target($0.0, $0.1) })
        case .percent:
            let p = random.pick([50, 60, 70, 80, 90, 95, 100])
            let satisfaction = random.chance(15)
            func text(_ value: Int) -> Target {
                if satisfaction { return target("Almeno il \(value)% dei voti oltre la media", .percentAtLeast(Double(value))) }
                return target(random.chance(50) ? "\(value),00%" : "\(value)%", .percentAtLeast(Double(value)))
            }
            let yearly = (0..<years).map { min(100, p + 5 * $0) }
            return SyntheticIndicatorText(
                title: satisfaction ? "Gradimento degli utenti del servizio" : random.pick(SyntheticNames.percentTitles),
                evidence: random.pick(SyntheticNames.evidence),
                baseline: random.chance(40) ? target("\(p - 10),00%", .percentAtLeast(Double(p - 10))) : .notApplicable,
                midYear: random.chance(40) ? .notApplicable : text(p / 2),
                yearEnds: yearly.map(text))
        case .yesNo:
            return SyntheticIndicatorText(
                title: random.pick(SyntheticNames.yesNoTitles), evidence: random.pick(SyntheticNames.evidence), baseline: .notApplicable,
                midYear: .notApplicable, yearEnds: (0..<years).map { _ in target("SI", .yesNo(true)) })
        case .milestone:
            let stages = random.pick(SyntheticNames.milestoneStages)
            return SyntheticIndicatorText(
                title: random.pick(SyntheticNames.milestoneTitles), evidence: random.pick(SyntheticNames.evidence), baseline: .notApplicable,
                midYear: random.chance(50) ? .notApplicable : target(stages[0], .milestone(stages[0])),
                yearEnds: (0..<years).map { target(stages[min($0 + 1, stages.count - 1)], .milestone(stages[min($0 + 1, stages.count - 1)])) })
        case .reduction:
            let p = random.pick([3, 5, 10])
            return SyntheticIndicatorText(
                title: random.pick(SyntheticNames.reductionTitles), evidence: random.pick(SyntheticNames.evidence), baseline: .notApplicable,
                midYear: .notApplicable, yearEnds: (0..<years).map { _ in target("-\(p),00%", .change(-Double(p))) })
        case .compound:
            if random.chance(50) {
                let n = random.pick([10, 20, 30])
                let text = "100% visite ispettive (almeno \(n)) che coinvolgono altre autorità effettuate in modo congiunto"
                return SyntheticIndicatorText(
                    title: "Controlli congiunti con altre autorità", evidence: "Verbali delle visite ispettive", baseline: .notApplicable,
                    midYear: .notApplicable,
                    yearEnds: (0..<years).map { _ in target(text, .compound([.percentAtLeast(100), .atLeast(Double(n), unit: "visite ispettive")])) })
            }
            let p = random.pick([10, 20, 30])
            let text = "100,00% in CCIAA +\(p)% neo costituite extra Camera"
            return SyntheticIndicatorText(
                title: "Adesione delle imprese al servizio di assistenza", evidence: "Elenco delle adesioni", baseline: .notApplicable,
                midYear: .notApplicable,
                yearEnds: (0..<years).map { _ in target(text, .compound([.percentAtLeast(100), .percentAtLeast(Double(p))])) })
        case .rate:
            let kind = TargetKind.rate(1, per: "giorno lavorativo", channels: 3)
            let text = "Minimo uno al giorno lavorativo per ciascuno dei tre social media camerali"
            return SyntheticIndicatorText(
                title: "Pubblicazioni sui canali social dell'ente", evidence: "Report delle pubblicazioni", baseline: .notApplicable,
                midYear: target(text, kind), yearEnds: (0..<years).map { _ in target(text, kind) })
        case .deadline:
            let month = random.int(9...12)
            let day = Day(planYear, month, Day.daysIn(month: month, year: planYear))
            let action = random.pick(SyntheticNames.deadlineActions)
            let text = "\(action) entro il \(day.italian)"
            return SyntheticIndicatorText(
                title: action, evidence: random.pick(SyntheticNames.evidence), baseline: .notApplicable,
                midYear: .notApplicable, yearEnds: (0..<years).map { _ in target(text, .deadline(day)) })
        case .ratio:
            let p = random.pick([90, 95, 98])
            let kind = TargetKind.ratio(numerator: "n. pratiche evase", denominator: "n. pratiche pervenute", atLeastPercent: Double(p))
            let text = target("n. pratiche evase / n. pratiche pervenute ≥ \(p)%", kind)
            return SyntheticIndicatorText(
                title: "Pratiche evase entro i termini", evidence: "Estrazione dal gestionale delle pratiche", baseline: .notApplicable,
                midYear: random.chance(50) ? text : .notApplicable, yearEnds: Array(repeating: text, count: years))
        case .atMost:
            let n = random.pick([5, 10, 15, 30])
            return SyntheticIndicatorText(
                title: "Tempo medio di evasione delle pratiche (giorni)", evidence: "Estrazione dal gestionale delle pratiche",
                baseline: target("\(n + 5) giorni", .atLeast(Double(n + 5), unit: "giorni")),
                midYear: .notApplicable, yearEnds: Array(repeating: target("massimo \(n) giorni", .atMost(Double(n), unit: "giorni")), count: years))
        }
    }
}
