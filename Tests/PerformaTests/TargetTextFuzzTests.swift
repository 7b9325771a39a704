import Foundation
import Testing
@testable import Performa

/// Mutational fuzzing (Tests/Fuzz/FuzzDriver.swift) of the target-text parser, from the seed plan's target
/// and baseline texts (Tests/Fuzz/corpus/target-text). The parser is total: every text gets a kind, quickly;
/// the kind's numbers are finite; the target survives the file coding unchanged.
@Suite("Fuzz: target texts")
struct TargetTextFuzzTests {
    struct Holder: Codable, Equatable { var target: Target }

    static let tokens = ["corrispondente a 2.922 su 3.000", "almeno ", "Almeno il ", "minimo ", "massimo ", "non oltre ", "n. ", "nr.", "di ",
                         "entro il ", "entro al ", "31 dicembre 2021", "31.12.21", "31/12", "al giorno lavorativo", "per ciascuno dei tre ",
                         "uno", "dieci", "(almeno 20)", " / ", " ≥ 95%", "=>", "+20%", "−", "–", "%", "1.489", "97,40", "0,5", "1.2.3,4,5",
                         "(", ")", "*", "Non applicabile", "Nuova attività", "SI (", "sì", "\u{00A0}", "\u{2028}", "١٢٣", "²"]

    @Test("any text gets a kind without crashing or hanging; its numbers are finite; the target codes and decodes unchanged")
    func targetTexts() throws {
        let report = try FuzzDriver.run("target-text", tokens: Self.tokens, defaultIterations: 1_500, maximumLength: 8 * 1024) { data throws -> FuzzDriver.Outcome in
            let target = Target(parsing: String(decoding: data, as: UTF8.self))
            let parts: [TargetKind]
            if case .compound(let inner) = target.kind { parts = inner } else { parts = [target.kind] }
            for part in parts { #expect(part.level?.isFinite ?? true, "«\(target.text)» → \(target.kind)") }
            _ = target.kind.valueHint
            let decoded = try JSONDecoder().decode(Holder.self, from: JSONEncoder().encode(Holder(target: target)))
            #expect(decoded == Holder(target: target), "«\(target.text)»")
            return .accepted
        }
        #expect(report.iterations >= FuzzDriver.iterations(default: 1_500, target: "target-text"))
    }
}
