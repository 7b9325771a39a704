import Foundation
import PropertyBased
import Testing
@testable import Performa

/// `TargetCheckpoint` reads a stored target's day and whether it asks for a value without parsing its text; it
/// must say exactly what the full decoding (`IndicatorTarget`) says, for every form a target is stored in.
@Suite("Target checkpoints read without parsing")
struct TargetCheckpointTests {
    static func agree(_ targets: [IndicatorTarget]) throws {
        let data = try JSONEncoder().encode(targets)
        let light = try JSONDecoder().decode([TargetCheckpoint].self, from: data)
        let full = try JSONDecoder().decode([IndicatorTarget].self, from: data)
        #expect(light.map(\.at) == full.map(\.at))
        #expect(light.map(\.asksForValue) == full.map { $0.target.kind != .notApplicable }, "\(full.map(\.target.text))")
    }

    @Test("generated texts, explicit kinds and not-applicable spellings: the same day and the same answer")
    func generated() async {
        let blanks = ["-", "--", "//", "NA", "n.a.", "Non applicabile", "nuova attività", "  ", "–", "nessun target"]
        await propertyCheck(count: 500, input: Gen.int(in: 0...13), Gen.int(in: 0...999_999), Gen.int(in: 0...99), Gen.int(in: 0...1_000)) {
            shape, whole, cents, pick in
            let (text, kind) = TargetRoundTripFuzzTests.sample(shape: shape, whole: whole, cents: cents, pick: pick)
            let day = Day(2021, pick % 2 == 0 ? 6 : 12, pick % 2 == 0 ? 30 : 31)
            try? Self.agree([
                IndicatorTarget(at: day, target: Target(parsing: text)),
                IndicatorTarget(at: day, target: Target(text: text + " (libero)", kind: kind, isExplicit: true)),
                IndicatorTarget(at: .yearEnd(2022), target: Target(parsing: blanks[pick % blanks.count])),
                IndicatorTarget(at: .yearEnd(2023), target: Target(text: "da definire", kind: .notApplicable, isExplicit: true)),
            ])
        }
    }

    @Test("a number stored as a number asks for a value")
    func number() throws {
        let light = try JSONDecoder().decode([TargetCheckpoint].self, from: Data(#"[{"at":"2021-12-31","target":1500}]"#.utf8))
        #expect(light.first?.asksForValue == true && light.first?.at == .yearEnd(2021))
    }
}
