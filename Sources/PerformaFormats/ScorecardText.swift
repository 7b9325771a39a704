import Performa

/// The scorecard as an indented Italian text report (`performa score`).
public enum ScorecardText {
    public static func render(_ card: Scorecard) -> String {
        var out = "Scheda dei risultati — \(card.organization)\n"
        out += "Piano \(card.plan), scadenza \(card.checkpoint.italian)\n"
        if card.illustrative { out += "ATTENZIONE: valori illustrativi, non dati reali dell'ente.\n" }
        out += "\n"
        out += line(0, "Ente", card.result)
        for area in card.areas {
            out += line(1, "Area strategica \(area.code) – \(area.title)", area.score, weight: area.weight)
            for strategic in card.objectives where strategic.level == .strategic && strategic.parent == area.code {
                var detail = ""
                if let own = strategic.ownIndicators { detail += "indicatori propri \(ItalianNumber.percent(own))" }
                if let ops = strategic.operationalObjectives { detail += (detail.isEmpty ? "" : ", ") + "obiettivi operativi \(ItalianNumber.percent(ops))" }
                out += line(2, "\(strategic.code) \(strategic.title)", strategic.score, weight: strategic.weight, detail: detail)
                for operational in card.objectives where operational.level == .operational && operational.parent == strategic.key {
                    out += line(3, "\(operational.code) \(operational.title)", operational.score, weight: operational.weight)
                }
            }
        }
        for agency in card.agencies {
            out += "\n" + line(0, agency.name, agency.score)
            for objective in card.objectives where objective.level == .agency && objective.parent == agency.id {
                out += line(1, "\(objective.key) \(objective.title)", objective.score, weight: objective.weight)
            }
        }
        let measures = card.objectives.filter { $0.level == .measure }
        if !measures.isEmpty {
            out += "\nMisure di prevenzione della corruzione (PIAO 2.3, fuori dal risultato dell'ente)\n"
            for measure in measures { out += line(1, "\(measure.key) \(measure.title)", measure.score) }
        }
        if !card.managers.isEmpty {
            out += "\nDirigenti\n"
            for manager in card.managers { out += line(1, manager.name, manager.score) }
        }
        if let valorization = card.valorization {
            out += "\nValorizzazione (fondo \(ItalianNumber.euro(cents: valorization.fundCents)))\n"
            for item in valorization.lines {
                out += "  \(item.objective): valore \(ItalianNumber.euro(cents: item.valueCents)), maturato \(ItalianNumber.euro(cents: item.earnedCents))\n"
            }
        }
        let overridden = card.indicators.filter { $0.score.override != nil }.map { ($0.key.description, $0.score) }
            + card.objectives.filter { $0.score.override != nil }.map { ($0.key, $0.score) }
        if !overridden.isEmpty {
            out += "\nCorrezioni dell'OIV\n"
            for (key, score) in overridden {
                out += "  \(key): calcolato \(score.computed.map { ItalianNumber.percent($0) } ?? "—"), validato \(score.final.map { ItalianNumber.percent($0) } ?? "—") — \(score.override?.reason ?? "")\n"
            }
        }
        if !card.notes.isEmpty {
            out += "\nNote di calcolo\n"
            for note in card.notes { out += "  [\(note.code)] \(note.location): \(note.message)\n" }
        }
        return out
    }

    private static func line(_ depth: Int, _ label: String, _ score: Score, weight: Double? = nil, detail: String = "") -> String {
        let value = score.final.map { ItalianNumber.percent($0) } ?? "—"
        var text = String(repeating: "  ", count: depth) + label + "  " + value
        if let weight { text += "  (peso \(ItalianNumber.percentValue(weight)))" }
        if score.status != .complete { text += "  [\(score.status.italian)]" }
        if score.override != nil { text += "  [corretto dall'OIV]" }
        if !detail.isEmpty { text += "\n" + String(repeating: "  ", count: depth + 2) + detail }
        return text + "\n"
    }
}
