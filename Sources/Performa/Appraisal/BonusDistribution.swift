/// *Premialità*: one profile's fund for individual performance shared among its people.
///
/// 1. Paid are the people appraised with a final score at least the threshold (`BonusRules.threshold`).
/// 2. Each one's weight is `points × part-time share × months of service / 12`.
/// 3. Differentiation (CCNL Funzioni Locali 2019-21 art. 81, which carries over art. 69 of the CCNL of 21/5/2018):
///    the `share` of the people paid with the highest scores (rounded down; ties at the cut-off by person id) get a
///    *maggiorazione* of `increase` % of the mean base bonus of the people paid, on top of their base bonus. As the
///    ARAN suggests (orientamento CFL126), the increases are taken from the fund first: with N people paid, k
///    increased and rate r, the mean base bonus is m = fund / (N + k·r) and each increase is ⌈r·m⌉ cents — so it
///    is never below r times the actual mean of the base bonuses.
/// 4. The rest of the fund is shared by weight to the cent with the largest-remainder method (`LargestRemainder`).
/// The amounts add up to the fund exactly; with nobody paid the whole fund is left undistributed.
public struct BonusDistribution: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var person: String
        /// Final points on 100; nil when not appraised or the scheda is not complete.
        public var points: Double?
        public var partTime: Double
        public var serviceMonths: Int
        public init(person: String, points: Double?, partTime: Double, serviceMonths: Int) {
            self.person = person
            self.points = points
            self.partTime = partTime
            self.serviceMonths = serviceMonths
        }
    }

    public struct Line: Codable, Hashable, Sendable {
        public var person: String
        public var points: Double?
        public var weight: Double
        public var baseCents: Int64
        public var increaseCents: Int64
        public var totalCents: Int64 { baseCents + increaseCents }
        /// Why nothing is paid, in Italian.
        public var unpaidReason: String?
    }

    public var profile: String
    public var fundCents: Int64
    public var rules: BonusRules
    public var lines: [Line]
    /// Mean base bonus of the people paid, in cents (exact, not rounded).
    public var meanBaseCents: Double?
    /// The increase each differentiated person gets, in cents.
    public var increaseCents: Int64
    public var paidCount: Int { lines.filter { $0.unpaidReason == nil }.count }
    public var increasedCount: Int { lines.filter { $0.increaseCents > 0 }.count }
    public var distributedCents: Int64 { lines.reduce(0) { $0 + $1.totalCents } }
    public var undistributedCents: Int64 { fundCents - distributedCents }

    public init(profile: String, fundCents: Int64, rules: BonusRules, entries: [Entry]) {
        self.profile = profile
        self.fundCents = fundCents
        self.rules = rules
        let ordered = entries.sorted { $0.person < $1.person }
        var lines: [Line] = []
        var paid: [Int] = []
        for entry in ordered {
            let weight = (entry.points ?? 0) * entry.partTime * Double(min(max(entry.serviceMonths, 0), 12)) / 12
            var reason: String?
            if entry.points == nil { reason = "non valutato o scheda non completa" }
            else if entry.points! < rules.threshold {
                reason = "punteggio \(ItalianNumber.format(entry.points!, fractionDigits: 2)) sotto la soglia di \(ItalianNumber.format(rules.threshold, fractionDigits: 2))"
            } else if weight <= 0 { reason = "nessun mese di servizio o part-time nullo" }
            if reason == nil { paid.append(lines.count) }
            lines.append(Line(person: entry.person, points: entry.points, weight: reason == nil ? weight : 0, baseCents: 0, increaseCents: 0, unpaidReason: reason))
        }
        var increase: Int64 = 0
        var base = max(fundCents, 0)
        if !paid.isEmpty, let d = rules.differentiation {
            let eligible = paid.filter { (lines[$0].points ?? 0) >= (d.minimumScore ?? -.infinity) }
                .sorted { (lines[$0].points ?? 0) != (lines[$1].points ?? 0) ? (lines[$0].points ?? 0) > (lines[$1].points ?? 0) : lines[$0].person < lines[$1].person }
            var k = min(eligible.count, Int((d.share / 100 * Double(paid.count) + 1e-9).rounded(.down)))
            let r = d.increase / 100
            while k > 0 {
                let mean = Double(base) / (Double(paid.count) + Double(k) * r)
                increase = Int64((r * mean).rounded(.up))
                if increase * Int64(k) <= base { break }
                k -= 1
            }
            if k > 0 {
                for index in eligible.prefix(k) { lines[index].increaseCents = increase }
                base -= increase * Int64(k)
            } else {
                increase = 0
            }
        }
        if !paid.isEmpty {
            let shares = LargestRemainder.shares(of: base, weights: paid.map { lines[$0].weight }, keys: paid.map { lines[$0].person })
            for (index, share) in zip(paid, shares) { lines[index].baseCents = share }
            meanBaseCents = Double(base) / Double(paid.count)
        }
        self.lines = lines
        self.increaseCents = increase
    }

    public func line(_ person: String) -> Line? { lines.first { $0.person == person } }
}
