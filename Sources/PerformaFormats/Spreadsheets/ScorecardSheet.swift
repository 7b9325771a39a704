import Performa

/// The scorecard as a sheet (Risultati, one row per organization, area, objective, agency, manager and
/// indicator, as `ScorecardRows` gives them) and a sheet of facts about it (Informazioni).
public enum ScorecardSheet {
    public static let level = "Livello", code = "Codice", title = "Titolo", parent = "Padre", weight = "Peso"
    public static let target = "Target", value = "Valore", achievement = "Raggiungimento", computed = "Raggiungimento calcolato"
    public static let overrideReason = "Motivo correzione OIV", status = "Stato", note = "Nota"

    public static let schema = SheetSchema(name: "Risultati", columns: [
        .init(level, "ente, area, strategico, operativo, azienda-speciale, obiettivo-azienda, dirigente, indicatore.", maxWidth: 18),
        .init(code, "Codice (obiettivo, indicatore OBIETTIVO/N, codice del dirigente).", maxWidth: 12),
        .init(title, "Titolo o nome.", maxWidth: 50),
        .init(parent, "Codice del livello superiore.", maxWidth: 12),
        .init(weight, "Peso nel livello superiore, come nel piano.", maxWidth: 10),
        .init(target, "Target alla scadenza (indicatori).", maxWidth: 24),
        .init(value, "Valore rilevato (indicatori).", maxWidth: 16),
        .init(achievement, "Grado di raggiungimento che conta (quello validato dall'OIV, se c'è).", maxWidth: 16),
        .init(computed, "Grado calcolato, quando l'OIV lo ha corretto.", maxWidth: 16),
        .init(overrideReason, "Motivo della correzione dell'OIV.", maxWidth: 30),
        .init(status, "completo, incompleto, mancante, non applicabile, neutralizzato, bloccato, valore non valido.", maxWidth: 16),
        .init(note, "Perché manca il valore (neutralizzazione, valore non valido).", maxWidth: 40),
    ])

    public static let infoSheet = "Informazioni"
    public static let item = "Voce", itemValue = "Valore"

    public static func tables(_ card: Scorecard) -> [SheetTable] {
        let rows = ScorecardRows.rows(card).map { row -> [String: SheetCell] in
            let measured = row.value.flatMap { text in MeasuredValue.parse(text).map { MeasurementSheet.cell($0, text: text) } }
            return [
                level: .text(row.level), code: .text(row.key), title: .text(row.title), parent: .text(row.parent), weight: .percent(row.weight),
                target: .text(row.target), value: measured ?? .text(row.value), achievement: .percent(row.achievement),
                computed: .percent(row.computed), overrideReason: .text(row.overrideReason), status: .text(row.status), note: .text(row.note),
            ]
        }
        let info: [[SheetCell]] = [
            [.text("Ente"), .text(card.organization)],
            [.text("Piano"), .text(card.plan)],
            [.text("Scadenza"), .date(card.checkpoint)],
            [.text("Valori illustrativi"), .bool(card.illustrative)],
            [.text("Risultato dell'ente"), .percent(card.result.percent)],
        ]
        return [
            SheetTable(name: schema.name, columns: schema.columns.map(\.tableColumn), records: rows),
            SheetTable(name: infoSheet, columns: [.init(item, maxWidth: 24), .init(itemValue, maxWidth: 60)], rows: info),
        ]
    }
}
