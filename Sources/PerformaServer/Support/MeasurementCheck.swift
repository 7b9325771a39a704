import Foundation
import Performa

/// The check of an entered value before anything is written: readable (`MeasuredValue.parse`), within any plausible
/// scale, and suited to the indicator's target (`problem(for:)`). The message goes next to the field; the store
/// repeats the target check.
enum MeasurementCheck {
    /// A million billion: beyond any count, amount in euro or rate an administration measures. Larger numbers (a
    /// 1 followed by 300 zeros reads as a finite Double) overflow to infinity in the scorer's arithmetic.
    static let largest = 1e15

    static func problem(_ text: String, target: Target?) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let target else { return "L'indicatore non ha un target a questa scadenza: nessun valore da rilevare." }
        guard !trimmed.isEmpty else { return "Inserire il valore rilevato: \(target.kind.valueHint)." }
        guard let value = MeasuredValue.parse(trimmed) else { return MeasurementError.unreadable(trimmed).description }
        if outOfScale(value) {
            return "Valore fuori scala: i numeri rilevati non possono superare un milione di miliardi (\(ItalianNumber.format(largest)))."
        }
        return value.problem(for: target.kind)
    }

    static func outOfScale(_ value: MeasuredValue) -> Bool {
        switch value {
        case .number(let number, _), .completion(let number): return !(abs(number) <= largest)
        case .ratio(let numerator, let denominator): return !(abs(numerator) <= largest && abs(denominator) <= largest)
        case .parts(let parts): return parts.contains(where: outOfScale)
        case .yesNo, .date: return false
        }
    }
}
