import Performa

/// The Rilevazioni sheet: one row per measurement (value of an indicator at a checkpoint, with note,
/// author and evidence). Exported from a results file, corrections included in their order, or as a
/// template with one empty row per indicator and checkpoint of a year, for the managers to fill in.
public enum MeasurementSheet {
    public static let objective = "Obiettivo", number = "Numero indicatore", title = "Descrizione indicatore"
    public static let checkpoint = "Scadenza", target = "Target", value = "Valore", note = "Nota", author = "Autore"
    public static let recordedAt = "Registrata il", evidence = "Documenti"

    public static let schema = SheetSchema(name: "Rilevazioni", columns: [
        .init(objective, "Codice dell'obiettivo (es. 1.1.2, PB.1).", required: true, maxWidth: 10),
        .init(number, "Numero dell'indicatore nell'obiettivo.", required: true, maxWidth: 10),
        .init(title, "Descrizione dell'indicatore (solo per chi compila: non viene importata).", imported: false, maxWidth: 45),
        .init(checkpoint, "Scadenza della rilevazione (30/06/AAAA oppure 31/12/AAAA).", required: true, maxWidth: 12),
        .init(target, "Target a quella scadenza (solo per chi compila: non viene importato).", imported: false, maxWidth: 24),
        .init(value, "Valore rilevato: 1489, 95%, -6,8%, SI, NO, raggiunto, non raggiunto, parziale 60%, 475/500, 20/12/2021, 100%; 23. Le righe senza valore, nota, autore e documenti sono ignorate.", maxWidth: 18),
        .init(note, "Nota del dirigente (scostamenti, azioni correttive).", maxWidth: 40),
        .init(author, "Chi ha rilevato il valore (codice del dirigente).", maxWidth: 12),
        .init(recordedAt, "Quando è stato registrato (AAAA-MM-GGThh:mm:ssZ).", maxWidth: 22),
        .init(evidence, "Documenti a supporto, uno per riga.", maxWidth: 30),
    ])

    /// The measurements of `results`, one row each, in their order (a correction follows what it corrects).
    public static func table(plan: Plan, results: Results) -> SheetTable {
        let index = PlanIndex(plan)
        return SheetTable(name: schema.name, columns: schema.columns.map(\.tableColumn), records: results.measurements.map { measurement in
            let indicator = index.indicator(measurement.indicator)
            return [
                objective: .text(measurement.indicator.objective), number: .integer(measurement.indicator.number),
                title: .text(indicator?.title), checkpoint: .date(measurement.at),
                target: .text(indicator?.target(at: measurement.at)?.target.text), value: cell(measurement.value, text: measurement.text),
                note: .text(measurement.note), author: .text(measurement.author), recordedAt: .text(measurement.recordedAt),
                evidence: .lines(measurement.evidence),
            ]
        })
    }

    /// One empty row per indicator and checkpoint of `year` that has an applicable target.
    public static func template(plan: Plan, year: Int) -> SheetTable {
        var records: [[String: SheetCell]] = []
        for (key, indicator, _) in PlanIndex(plan).indicators {
            for entry in indicator.targets where entry.at.year == year && entry.target.kind.isApplicable {
                records.append([objective: .text(key.objective), number: .integer(key.number), title: .text(indicator.title),
                                checkpoint: .date(entry.at), target: .text(entry.target.text)])
            }
        }
        return SheetTable(name: schema.name, columns: schema.columns.map(\.tableColumn), records: records)
    }

    /// A measured number is a number in the sheet, a percentage a fraction with a percent format, a
    /// date a date; the other values (SI, raggiunto, 475/500, parts of a compound target) stay text.
    static func cell(_ value: MeasuredValue, text: String) -> SheetCell {
        switch value {
        case .number(let number, false): return .number(number)
        case .number(let number, true): return .percent(number)
        case .date(let day): return .date(day)
        default: return .text(text)
        }
    }
}
