import PropertyBased
import Testing
@testable import Performa

/// Properties of the bonus distribution that must hold for any fund, any staff and any SMVP rules.
@Suite("Appraisal: bonus properties")
struct AppraisalBonusPropertyTests {
    static let partTimes: [Double] = [1, 1, 1, 0.5, 0.8333, 0.6667, 0.75]

    static func staff(_ random: inout SplitMix, count: Int) -> [BonusDistribution.Entry] {
        (0..<count).map { index in
            let points = random.int(0...3) == 0 ? nil : Double(random.int(3_000...10_000)) / 100
            return BonusDistribution.Entry(person: "p\(1_000 + index)", points: points, partTime: partTimes[random.int(0...(partTimes.count - 1))],
                                           serviceMonths: random.int(0...4) == 0 ? random.int(0...12) : 12)
        }
    }

    static func rules(_ random: inout SplitMix) -> BonusRules {
        BonusRules(threshold: Double(random.int(0...80)),
                   differentiation: random.int(0...4) == 0 ? nil : BonusDifferentiation(share: Double(random.int(1...50)), increase: Double(random.int(30...60)),
                                                                                      minimumScore: random.int(0...1) == 0 ? nil : Double(random.int(60...95))))
    }

    @Test("amounts add up to the fund to the cent, nobody under the threshold is paid, the increase respects art. 81 and the share")
    func distribution() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int(Int32.max)), Gen.int(in: 1...400), Gen.int(in: 0...5_000_000_00)) { seed, count, fund in
            var random = SplitMix(seed: seed)
            let rules = Self.rules(&random)
            let bonus = BonusDistribution(profile: "p", fundCents: Int64(fund), rules: rules, entries: Self.staff(&random, count: count))
            let paid = bonus.lines.filter { $0.unpaidReason == nil }
            #expect(bonus.distributedCents == (paid.isEmpty ? 0 : Int64(fund)))
            for line in bonus.lines where line.points == nil || line.points! < rules.threshold {
                #expect(line.totalCents == 0, "\(line.person) paid under the threshold")
            }
            let increased = bonus.lines.filter { $0.increaseCents > 0 }
            if let d = rules.differentiation {
                #expect(increased.count <= Int((d.share / 100 * Double(paid.count) + 1e-9).rounded(.down)))
                let baseMean = Double(paid.reduce(0) { $0 + $1.baseCents }) / Double(max(paid.count, 1))
                for line in increased {
                    #expect(Double(line.increaseCents) >= d.increase / 100 * baseMean, "increase below \(d.increase)% of the mean")
                    #expect(line.points! >= (d.minimumScore ?? 0))
                }
                // Nobody left without the increase scores more than someone who got it.
                if let lowestIncreased = increased.compactMap(\.points).min() {
                    #expect(paid.filter { $0.increaseCents == 0 }.allSatisfy { $0.points! <= lowestIncreased })
                }
            } else {
                #expect(increased.isEmpty)
            }
        }
    }

    @Test("a differentiated person full time all year gets at least 1,3 times the mean base bonus")
    func differentiatedAboveMean() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...Int(Int32.max)), Gen.int(in: 10...300), Gen.int(in: 100_000...100_000_000)) { seed, count, fund in
            var random = SplitMix(seed: seed)
            var staff = Self.staff(&random, count: count)
            staff[0] = BonusDistribution.Entry(person: "p0000", points: 100, partTime: 1, serviceMonths: 12)
            let rules = BonusRules(threshold: 60, differentiation: BonusDifferentiation(share: 10, increase: 30))
            let bonus = BonusDistribution(profile: "p", fundCents: Int64(fund), rules: rules, entries: staff)
            let paid = bonus.lines.filter { $0.unpaidReason == nil }
            let mean = Double(paid.reduce(0) { $0 + $1.baseCents }) / Double(paid.count)
            guard let top = bonus.line("p0000"), top.increaseCents > 0 else { return }
            // The base share is rounded down at most one cent.
            #expect(Double(top.totalCents) >= 1.3 * mean - 1)
        }
    }

    @Test("with equal part-time and service, a higher score never gets a smaller bonus")
    func monotonicInScore() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int(Int32.max)), Gen.int(in: 2...200), Gen.int(in: 0...100_000_000)) { seed, count, fund in
            var random = SplitMix(seed: seed)
            let staff = Self.staff(&random, count: count)
            let bonus = BonusDistribution(profile: "p", fundCents: Int64(fund), rules: Self.rules(&random), entries: staff)
            let byPerson = Dictionary(uniqueKeysWithValues: staff.map { ($0.person, $0) })
            for a in bonus.lines { for b in bonus.lines {
                let ea = byPerson[a.person]!, eb = byPerson[b.person]!
                guard ea.partTime == eb.partTime, ea.serviceMonths == eb.serviceMonths, (a.points ?? -1) > (b.points ?? -1) else { continue }
                #expect(a.totalCents >= b.totalCents, "\(a.person) (\(a.points ?? -1)) got less than \(b.person) (\(b.points ?? -1))")
            } }
        }
    }
}
