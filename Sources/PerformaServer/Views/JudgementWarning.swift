import Performa
import PerformaStore

/// What the measurement form says before a value is saved over one the OIV judged: saving a different value puts the
/// judgement aside (it stops counting) and sends the subject back to the OIV.
enum JudgementWarning {
    /// The warning for `indicator` at `day`, when a judgement that counts was made on its current value; nil otherwise.
    static func beforeSaving(_ judgements: [StoredOverride], indicator: IndicatorKey, at day: Day) -> String? {
        let covering = judgements.filter { judgement in
            judgement.stands && judgement.override.at == day && judgement.judged.contains { $0.indicator == indicator }
        }
        guard !covering.isEmpty else { return nil }
        let which = covering.map { judgement -> String in
            let when = judgement.override.on.map { " il \($0.italian)" } ?? ""
            return "«\(judgement.override.subject)» (\(ItalianNumber.percentValue(judgement.override.achievement))\(when))"
        }.joined(separator: ", ")
        return "L'OIV ha validato il valore attuale: \(which). Salvando un valore diverso la validazione non conterà più: "
            + "varrà il grado calcolato e l'indicatore tornerà all'OIV, segnato «modificato dopo la validazione»."
    }
}
