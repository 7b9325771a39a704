/// The typed meaning of a target text. Every shape of DESIGN.md §3 has a case.
/// Percentages are stored as percentage values (`90` for 90%), not fractions.
public indirect enum TargetKind: Hashable, Sendable {
    /// `-`, `NA`, `Non applicabile`, `//`: no target for that period (its weight must be 0).
    case notApplicable
    /// `SI` / `NO`: the thing is done (or, for `NO`, not done).
    case yesNo(Bool)
    /// At least a quantity: `1489`, `n. 70`, `Almeno 100`, `40 controlli`, `1500 posizioni`. Unit kept.
    case atLeast(Double, unit: String?)
    /// At most a quantity (lower is better): `massimo 5 giorni`, `non oltre 10`.
    case atMost(Double, unit: String?)
    /// A percentage to reach: `100,00%`, `90%`, `Almeno il 70% dei voti oltre la media`.
    case percentAtLeast(Double)
    /// A percentage not to exceed (lower is better): `massimo il 5%`.
    case percentAtMost(Double)
    /// A relative change: `-5,00%` (a reduction of at least 5%), `+20%` (an increase of at least 20%).
    case change(Double)
    /// A rate: `Minimo uno al giorno lavorativo per ciascuno dei tre social media`.
    case rate(Double, per: String, channels: Int)
    /// Several parts that must all hold: `100% visite ispettive (almeno 20) …`.
    case compound([TargetKind])
    /// A stage to reach: `Avvio con azioni specifiche`, `Bozza nuovi articoli`.
    case milestone(String)
    /// A ratio of two measured counts: `n. pratiche evase / n. pratiche pervenute ≥ 95%`.
    case ratio(numerator: String, denominator: String, atLeastPercent: Double)
    /// A date to meet: `entro il 31.12.2021`.
    case deadline(Day)

    /// Whether the target asks for something in that period.
    public var isApplicable: Bool {
        if case .notApplicable = self { return false }
        return true
    }

    /// The single numeric level of a quantitative target, used to compare a target with its baseline.
    public var level: Double? {
        switch self {
        case .atLeast(let n, _), .atMost(let n, _), .percentAtLeast(let n), .percentAtMost(let n), .change(let n), .rate(let n, _, _):
            return n
        case .ratio(_, _, let p):
            return p
        default:
            return nil
        }
    }

    /// A short Italian name of the shape, for diagnostics and forms.
    public var shapeName: String {
        switch self {
        case .notApplicable: return "non applicabile"
        case .yesNo: return "sì/no"
        case .atLeast: return "quantità minima"
        case .atMost: return "quantità massima"
        case .percentAtLeast: return "percentuale"
        case .percentAtMost: return "percentuale massima"
        case .change: return "variazione percentuale"
        case .rate: return "frequenza"
        case .compound: return "composto"
        case .milestone: return "fase da raggiungere"
        case .ratio: return "rapporto"
        case .deadline: return "scadenza"
        }
    }

    /// What a measured value must look like for this shape, in Italian (shown next to form fields).
    public var valueHint: String {
        switch self {
        case .notApplicable: return "nessun valore richiesto"
        case .yesNo: return "SI oppure NO"
        case .atLeast, .atMost: return "un numero (es. 1.489)"
        case .percentAtLeast, .percentAtMost: return "una percentuale (es. 95%)"
        case .change: return "una variazione percentuale (es. -6,5%)"
        case .rate: return "un numero medio per periodo (es. 1,2)"
        case .compound(let parts): return parts.map(\.valueHint).joined(separator: "; ")
        case .milestone: return "raggiunto, non raggiunto, o una percentuale di avanzamento (es. 60%)"
        case .ratio: return "numeratore/denominatore (es. 475/500)"
        case .deadline: return "una data (es. 20/12/2021)"
        }
    }
}
