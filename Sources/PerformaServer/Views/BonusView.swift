import Performa

/// The HR office's bonus page (*premialità*): for each SMVP profile, the fund, the rules applied (threshold,
/// differentiation of CCNL Funzioni Locali 2019-21 art. 81), each person's amount with its inputs, and the total,
/// which equals the fund to the cent (or says what is left undistributed and why).
struct BonusView: Sendable {
    struct Line: Sendable {
        var name: String
        var href: String
        var points: String
        var partTime: String
        var months: String
        var weight: String
        var base: String
        var increase: String
        var total: String
        var note: String
    }

    struct Profile: Sendable {
        var id: String
        var title: String
        var fund: String
        var fundInput: String
        var rules: [String]
        var lines: [Line]
        var hasLines: Bool
        var distributed: String
        var undistributed: String?
    }

    var page: PageChrome
    var year: Int
    var profiles: [Profile]
    /// The form to set the funds (HR office), with the year it applies to.
    var mayEditFunds: Bool
    var fundsAction: String
    var errorSummary: FormErrorSummary?

    static func profile(_ distribution: BonusDistribution?, profile: AppraisalProfile, fundCents: Int64?, names: [String: String],
                        partTime: [String: Double], months: [String: Int], year: Int) -> Profile {
        var rules: [String] = []
        if let bonus = profile.bonus {
            rules.append("Soglia: sotto \(ItalianNumber.format(bonus.threshold, fractionDigits: 2)) punti non spetta il premio.")
            if let d = bonus.differentiation {
                var text = "Differenziazione (CCNL Funzioni Locali 2019-21, art. 81): maggiorazione del \(ItalianNumber.format(d.increase, fractionDigits: 0))% del premio medio per al massimo il \(ItalianNumber.format(d.share, fractionDigits: 0))% delle persone premiate"
                if let minimum = d.minimumScore { text += ", da \(ItalianNumber.format(minimum, fractionDigits: 2)) punti" }
                rules.append(text + ".")
            }
        } else {
            rules.append("Il sistema di valutazione non prevede regole di premialità per questa scheda.")
        }
        rules.append("Ogni quota è proporzionale a punteggio × part-time × mesi di servizio / 12; gli importi sono arrotondati al centesimo e i centesimi residui vanno ai resti maggiori, così che il totale sia esattamente il fondo.")
        let lines = (distribution?.lines ?? []).map { line in
            Line(name: names[line.person] ?? line.person, href: Paths.appraisal(line.person, year: year),
                 points: line.points.map { ItalianNumber.format($0, fractionDigits: 2) } ?? "—",
                 partTime: ItalianNumber.percent(partTime[line.person] ?? 1), months: String(months[line.person] ?? 0),
                 weight: ItalianNumber.format(line.weight, fractionDigits: 2), base: Display.euro(line.baseCents),
                 increase: line.increaseCents > 0 ? Display.euro(line.increaseCents) : "—", total: Display.euro(line.totalCents),
                 note: line.unpaidReason ?? "")
        }
        let undistributed = distribution.map(\.undistributedCents).flatMap { $0 != 0 ? "Non distribuiti: \(Display.euro($0)) (nessuna persona premiabile)." : nil }
        return Profile(id: profile.id, title: profile.title, fund: fundCents.map(Display.euro) ?? "non indicato",
                       fundInput: fundCents.map { ItalianNumber.format(Double($0) / 100, fractionDigits: 2) } ?? "",
                       rules: rules, lines: lines, hasLines: !lines.isEmpty,
                       distributed: Display.euro(distribution?.distributedCents ?? 0), undistributed: undistributed)
    }
}
