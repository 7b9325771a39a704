import Foundation
import Performa

/// The check of an entered value before anything is written: readable (`MeasuredValue.parse`) and suited to the
/// indicator's target (`problem(for:)`). The message goes next to the field; the store repeats the check.
enum MeasurementCheck {
    static func problem(_ text: String, target: Target?) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let target else { return "L'indicatore non ha un target a questa scadenza: nessun valore da rilevare." }
        guard !trimmed.isEmpty else { return "Inserire il valore rilevato: \(target.kind.valueHint)." }
        guard let value = MeasuredValue.parse(trimmed) else { return MeasurementError.unreadable(trimmed).description }
        return value.problem(for: target.kind)
    }
}
