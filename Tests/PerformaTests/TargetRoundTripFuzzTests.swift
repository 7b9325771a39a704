import Foundation
import PropertyBased
import Testing
@testable import Performa

/// Generated valid targets, written as a plan writes them, must read back as the same kind (parser) and the
/// same target (file coding). The mutational fuzzing of arbitrary texts is in PerformaFormatsTests.
@Suite("Fuzz: generated targets round-trip")
struct TargetRoundTripFuzzTests {
    static let units = ["domande", "visite ispettive", "imprese", "pratiche evase", "posizioni", "controlli", "ore di formazione",
                        "città è più bella", "مرحبا", "imprese 👩‍💻"]
    static let labels = ["n. pratiche evase", "pratiche pervenute", "istanze chiuse nei termini", "richieste"]
    static let milestones = ["Avvio con azioni specifiche", "Bozza nuovi articoli", "Approvazione del regolamento",
                             "Relazione finale all'OIV", "Attivazione del servizio in \u{202E}lingua"]

    /// A target text as a person writes it and the kind it states; `shape`, `whole` and `cents` pick it.
    static func sample(shape: Int, whole: Int, cents: Int, pick: Int) -> (text: String, kind: TargetKind) {
        let count = Double(whole)
        // One division of whole hundredths: the double nearest to the decimal text, as the parser reads it.
        let percent = Double(whole % 100 * 100 + cents) / 100
        let shown = ItalianNumber.format(percent, fractionDigits: 2, minimumFractionDigits: 2)
        let unit = units[pick % units.count]
        switch shape {
        case 0: return (ItalianNumber.format(count), .atLeast(count, unit: nil))
        case 1: return ("\(ItalianNumber.format(count)) \(unit)", .atLeast(count, unit: unit))
        case 2: return ("Almeno \(ItalianNumber.format(count)) \(unit)", .atLeast(count, unit: unit))
        case 3: return ("massimo \(ItalianNumber.format(count)) \(unit)", .atMost(count, unit: unit))
        case 4: return ("\(shown)%", .percentAtLeast(percent))
        case 5: return ("massimo il \(shown)%", .percentAtMost(percent))
        case 6 where percent > 0: return ("-\(shown)%", .change(-percent))
        case 7 where percent > 0: return ("+\(shown)%", .change(percent))
        case 8: return (pick % 2 == 0 ? "SI" : "NO", .yesNo(pick % 2 == 0))
        case 9:
            let day = Day(2000 + whole % 100, 1 + cents % 12, 1 + pick % 28)
            return ("entro il \(day.italian)", .deadline(day))
        case 10:
            let numerator = labels[pick % labels.count], denominator = labels[(pick + 1) % labels.count]
            return ("\(numerator) / \(denominator) ≥ \(shown)%", .ratio(numerator: numerator, denominator: denominator, atLeastPercent: percent))
        case 11:
            let words = ["uno", "due", "tre"]
            return ("Minimo \(words[pick % 3]) al giorno lavorativo", .rate(Double(pick % 3 + 1), per: "giorno lavorativo", channels: 1))
        case 12: return (["-", "NA", "//", "Non applicabile"][pick % 4], .notApplicable)
        default:
            let text = milestones[pick % milestones.count]
            return (text, .milestone(text))
        }
    }

    struct Holder: Codable, Equatable { var target: Target }

    @Test("a generated target text parses to its kind, and the target survives the file coding (JSON)")
    func roundTrip() async {
        let count = FuzzDriver.iterations(default: 1_000, target: "generated-targets")
        await propertyCheck(count: count, input: Gen.int(in: 0...13), Gen.int(in: 0...999_999), Gen.int(in: 0...99), Gen.int(in: 0...1_000)) {
            shape, whole, cents, pick in
            let (text, kind) = Self.sample(shape: shape, whole: whole, cents: cents, pick: pick)
            #expect(TargetParser.parse(text) == kind, "«\(text)»")
            let parsed = Target(parsing: text)
            let explicit = Target(text: text + " (testo libero)", kind: kind, isExplicit: true)
            for target in [parsed, explicit] {
                let decoded = try? JSONDecoder().decode(Holder.self, from: JSONEncoder().encode(Holder(target: target)))
                #expect(decoded == Holder(target: target), "«\(target.text)»")
            }
        }
        print("fuzz generated-targets: \(count) iterazioni")
    }
}
