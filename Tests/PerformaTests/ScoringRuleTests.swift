import Testing
@testable import Performa

/// Each target shape's rule, with the examples of DESIGN.md §3 and docs/scoring.md.
@Suite("Scoring rules")
struct ScoringRuleTests {
    let policy = ScoringPolicy.standard

    func score(_ target: String, _ value: String, baseline: String? = nil, policy: ScoringPolicy = .standard) -> Double? {
        IndicatorAchievement.score(target: TargetParser.parse(target), value: MeasuredValue.parse(value)!,
                                   baseline: baseline.map(TargetParser.parse), policy: policy, year: 2021)
    }

    @Test("higher is better: actual / target, capped at 100%")
    func higherIsBetter() {
        #expect(score("Almeno 100", "80") == 0.8)
        #expect(score("1489", "1.489") == 1)
        #expect(score("1489", "2.000") == 1)
        #expect(score("90%", "81%") == 0.9)
        #expect(score("Almeno 100", "120", policy: ScoringPolicy(cap: 1.2)) == 1.2)
    }

    @Test("a reduction target: achieved reduction over required reduction")
    func reduction() {
        #expect(score("-5,00%", "-5%") == 1)
        #expect(score("-10,00%", "-5%") == 0.5)
        #expect(score("-5,00%", "+2%") == 0)
        #expect(score("-5,00%", "-6,8%") == 1)
    }

    @Test("lower is better: target / actual")
    func lowerIsBetter() {
        #expect(score("massimo 5 giorni", "10") == 0.5)
        #expect(score("massimo 5 giorni", "4") == 1)
        #expect(score("massimo 5 giorni", "0") == 1)
        #expect(score("non oltre il 10%", "20%") == 0.5)
    }

    @Test("yes/no, milestone, compound, ratio, rate")
    func otherShapes() {
        #expect(score("SI", "SI") == 1)
        #expect(score("SI", "NO") == 0)
        #expect(score("Bozza nuovi articoli", "raggiunto") == 1)
        #expect(score("Bozza nuovi articoli", "parziale 60%") == 0.6)
        #expect(score("Bozza nuovi articoli", "non raggiunto") == 0)
        #expect(score("100% visite ispettive (almeno 20) che coinvolgono altre autorità effettuate in modo congiunto", "100%; 15") == 0.75)
        #expect(score("100% visite ispettive (almeno 20) che coinvolgono altre autorità effettuate in modo congiunto", "90%; 25") == 0.9)
        #expect(score("n. pratiche evase / n. pratiche pervenute ≥ 95%", "475/500") == 1)
        #expect(abs(score("n. pratiche evase / n. pratiche pervenute ≥ 95%", "380/500")! - 0.8) < 1e-12)
        #expect(score("n. pratiche evase / n. pratiche pervenute ≥ 95%", "0/0") == 1)
        #expect(score("Minimo uno al giorno lavorativo per ciascuno dei tre social media", "0,9") == 0.9)
    }

    @Test("deadlines lose the policy's loss per day or per started month of delay")
    func deadlines() {
        #expect(score("entro il 31.12.2021", "20/12/2021") == 1)
        #expect(abs(score("entro il 31.12.2021", "10/01/2022")! - 0.9) < 1e-12)
        let monthly = ScoringPolicy(deadlineLoss: DeadlineLoss(unit: .month, lossPerUnit: 0.25))
        #expect(score("entro il 31.12.2021", "10/01/2022", policy: monthly) == 0.75)
        #expect(score("entro il 31/12", "31/12/2021") == 1)
        #expect(score("entro il 31.12.2021", "NO") == 0)
    }

    @Test("zero targets and zero actuals are explicit")
    func zeros() {
        #expect(score("0", "0") == 1)
        #expect(score("0,00%", "45%") == 1)
        #expect(score("Almeno 100", "0") == 0)
    }

    @Test("progress from the baseline: 0 at the baseline, 100% at the target")
    func progressFromBaseline() {
        let progress = ScoringPolicy(rule: .progressFromBaseline)
        #expect(score("10", "7", baseline: "4", policy: progress) == 0.5)
        #expect(score("10", "4", baseline: "4", policy: progress) == 0)
        #expect(score("10", "3", baseline: "4", policy: progress) == 0)
        // Without a usable baseline the linear ratio applies.
        #expect(score("10", "7", baseline: "Nuova attività", policy: progress) == 0.7)
        #expect(score("massimo 5", "7,5", baseline: "10", policy: progress) == 0.5)
    }

    @Test("threshold: below it an indicator scores 0")
    func threshold() {
        let policy = ScoringPolicy(threshold: 0.6)
        #expect(score("Almeno 100", "59", policy: policy) == 0)
        #expect(score("Almeno 100", "60", policy: policy) == 0.6)
    }

    @Test("bands: fixed or interpolated")
    func bands() {
        let fixed = ScoringPolicy(bands: [ScoreBand(minimum: 0.95, score: 1), ScoreBand(minimum: 0.8, score: 0.8)])
        #expect(score("Almeno 100", "96", policy: fixed) == 1)
        #expect(score("Almeno 100", "85", policy: fixed) == 0.8)
        #expect(score("Almeno 100", "70", policy: fixed) == 0.7)
        let interpolated = ScoringPolicy(bands: [ScoreBand(minimum: 0.5, score: 0), ScoreBand(minimum: 0.9, score: 1)], bandMode: .interpolated)
        #expect(abs(score("Almeno 100", "70", policy: interpolated)! - 0.5) < 1e-12)
        #expect(score("Almeno 100", "95", policy: interpolated) == 1)
    }

    @Test("a value that does not suit the target is refused with an Italian message")
    func unsuitableValues() {
        #expect(MeasuredValue.parse("SI")!.problem(for: .atLeast(10, unit: nil)) != nil)
        #expect(MeasuredValue.parse("12")!.problem(for: .yesNo(true))?.contains("SI oppure NO") == true)
        #expect(MeasuredValue.parse("100%; 3")!.problem(for: .compound([.percentAtLeast(100)])) != nil)
        #expect(MeasuredValue.parse("-3")!.problem(for: .atLeast(10, unit: nil)) == "Il valore non può essere negativo.")
        #expect(MeasuredValue.parse("abc") == nil)
        #expect(MeasuredValue.parse("1.489") == .number(1489, percent: false))
        #expect(MeasuredValue.parse("parziale 60%") == .completion(0.6))
    }
}
