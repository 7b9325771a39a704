import Testing
@testable import Performa

@Suite("Appraisal: bonus")
struct AppraisalBonusTests {
    static let rules = BonusRules(threshold: 60, differentiation: BonusDifferentiation(share: 20, increase: 30, minimumScore: 90))

    /// docs/appraisal.md, "Premi: un esempio calcolato a mano".
    @Test("the worked bonus example of docs/appraisal.md, to the cent")
    func workedExample() {
        let entries = [
            BonusDistribution.Entry(person: "a", points: 96, partTime: 1, serviceMonths: 12),
            BonusDistribution.Entry(person: "b", points: 88.79, partTime: 1, serviceMonths: 12),
            BonusDistribution.Entry(person: "c", points: 80, partTime: 0.5, serviceMonths: 12),
            BonusDistribution.Entry(person: "d", points: 75, partTime: 1, serviceMonths: 6),
            BonusDistribution.Entry(person: "e", points: 70, partTime: 1, serviceMonths: 12),
            BonusDistribution.Entry(person: "f", points: 55, partTime: 1, serviceMonths: 12),
        ]
        let bonus = BonusDistribution(profile: "comparto", fundCents: 1_000_000, rules: Self.rules, entries: entries)
        #expect(bonus.increaseCents == 56_604)
        #expect(bonus.lines.map(\.totalCents) == [329_155, 252_082, 113_563, 106_465, 198_735, 0])
        #expect(bonus.lines.map(\.increaseCents) == [56_604, 0, 0, 0, 0, 0])
        #expect(bonus.distributedCents == 1_000_000)
        #expect(bonus.paidCount == 5)
        #expect(bonus.line("f")?.unpaidReason == "punteggio 55,00 sotto la soglia di 60,00")
        #expect(ItalianNumber.euro(cents: bonus.line("a")!.totalCents) == "€ 3.291,55")
    }

    @Test("largest remainder: equal remainders go to the smaller id; the shares add up even for awkward weights")
    func largestRemainder() {
        #expect(LargestRemainder.shares(of: 100, weights: [1, 1, 1], keys: ["c", "a", "b"]) == [33, 34, 33])
        #expect(LargestRemainder.shares(of: 1, weights: [1, 1], keys: ["b", "a"]) == [0, 1])
        #expect(LargestRemainder.shares(of: 7, weights: [0, 0], keys: ["a", "b"]) == [0, 0])
        let shares = LargestRemainder.shares(of: 123_456_789, weights: [1.0 / 3, 2.0 / 7, 0.1, 1e-9, 5], keys: ["a", "b", "c", "d", "e"])
        #expect(shares.reduce(0, +) == 123_456_789)
    }

    @Test("nobody paid leaves the whole fund undistributed; a fund too small for the increase pays no increase")
    func edgeCases() {
        let low = BonusDistribution(profile: "p", fundCents: 5_000, rules: Self.rules,
                                    entries: [.init(person: "a", points: 59.99, partTime: 1, serviceMonths: 12), .init(person: "b", points: nil, partTime: 1, serviceMonths: 12)])
        #expect(low.distributedCents == 0 && low.undistributedCents == 5_000)
        let tiny = BonusDistribution(profile: "p", fundCents: 3, rules: BonusRules(threshold: 0, differentiation: BonusDifferentiation(share: 100)),
                                     entries: (1...5).map { .init(person: "p\($0)", points: 100, partTime: 1, serviceMonths: 12) })
        #expect(tiny.distributedCents == 3)
    }
}
