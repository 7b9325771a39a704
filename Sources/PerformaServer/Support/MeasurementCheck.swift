import Foundation
import Performa

/// The check of an entered value before anything is written, so that the message goes next to the field: readable
/// (`MeasuredValue.parse`), then the domain's rule for every way in (`MeasuredValue.problem(for:)`: within
/// `ValueLimits`' scale and suited to the indicator's target), which the store repeats.
enum MeasurementCheck {
    static func problem(_ text: String, target: Target?) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let target else { return "L'indicatore non ha un target a questa scadenza: nessun valore da rilevare." }
        guard !trimmed.isEmpty else { return "Inserire il valore rilevato: \(target.kind.valueHint)." }
        // Only the forms this indicator takes: the general list of examples would suggest SI to a count.
        guard let value = MeasuredValue.parse(trimmed) else { return "Valore non leggibile: «\(trimmed)». Atteso \(target.kind.valueHint)." }
        return value.problem(for: target.kind)
    }
}
