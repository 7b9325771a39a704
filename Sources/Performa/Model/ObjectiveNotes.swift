/// The notes printed with an objective, in the Piano's schede and on the objective's page alike: the objective's own
/// notes, then one line per indicator with its unit, data source, formula, neutralisation and notes.
public enum ObjectiveNotes {
    public static func lines(objectiveNotes: String?, indicators: [Indicator]) -> [String] {
        var lines: [String] = []
        if let objectiveNotes { lines.append(objectiveNotes) }
        for indicator in indicators {
            var parts: [String] = []
            if let unit = indicator.unit { parts.append("unità di misura: \(unit)") }
            if let source = indicator.dataSource { parts.append("fonte dei dati: \(source)") }
            if let formula = indicator.formula { parts.append("formula: \(formula)") }
            if let neutralised = indicator.neutralised {
                parts.append("non valutabile" + (neutralised.from.map { " dal \($0.italian)" } ?? "") + ": \(neutralised.reason)")
            }
            if let note = indicator.notes { parts.append(note) }
            if !parts.isEmpty { lines.append("Indicatore \(indicator.number) – " + parts.joined(separator: "; ")) }
        }
        return lines
    }
}
