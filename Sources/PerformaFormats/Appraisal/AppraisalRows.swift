import Performa

/// The schede, the bonus and the differentiation report as tables with Italian headers: one builder per table,
/// written as CSV (`SpreadsheetCSV`) or as an XLSX sheet (`XLSXWriter`) alike. Amounts are exact cents: a euro
/// cell to the cent and the whole number of cents.
public enum AppraisalRows {
    /// One row per person: profile, evaluator, months, each component's score, the final points and state.
    public static func schede(_ schede: [Appraisal], context: AppraisalContext) -> SheetTable {
        let kinds = AppraisalComponent.Kind.allCases
        var columns: [SheetTable.Column] = [.init("Matricola", maxWidth: 16), .init("Cognome e nome"), .init("Profilo", maxWidth: 20),
                                            .init("Valutatore", maxWidth: 16), .init("Mesi di servizio", maxWidth: 10)]
        columns += kinds.map { SheetTable.Column($0.italian, maxWidth: 16) }
        columns += [.init("Punteggio finale", maxWidth: 12), .init("Stato", maxWidth: 16), .init("Non valutabile")]
        let records: [[String: SheetCell]] = schede.map { scheda in
            var row: [String: SheetCell] = ["Matricola": .text(scheda.person), "Cognome e nome": .text(scheda.name),
                                            "Profilo": .text(scheda.profile), "Valutatore": .text(scheda.evaluator),
                                            "Mesi di servizio": .integer(scheda.serviceMonths), "Non valutabile": .text(scheda.notAppraised)]
            for component in scheda.components { row[component.kind.italian] = component.score.percent.map(SheetCell.percent) ?? .empty }
            if scheda.notAppraised == nil {
                row["Punteggio finale"] = scheda.points.map(SheetCell.number) ?? .empty
                row["Stato"] = .text(scheda.final.status.italian)
            }
            return row
        }
        return SheetTable(name: "Schede", columns: columns, records: records)
    }

    /// One row per person and profile with a fund: points, part-time, months, weight, base, increase and total.
    public static func bonus(_ distributions: [BonusDistribution], context: AppraisalContext) -> SheetTable {
        let columns: [SheetTable.Column] = [.init("Profilo", maxWidth: 20), .init("Matricola", maxWidth: 16), .init("Cognome e nome"),
                                            .init("Punteggio finale", maxWidth: 12), .init("Part-time %", maxWidth: 10), .init("Mesi di servizio", maxWidth: 10),
                                            .init("Peso", maxWidth: 12), .init("Premio base", maxWidth: 16), .init("Maggiorazione", maxWidth: 16),
                                            .init("Premio", maxWidth: 16), .init("Premio in centesimi", maxWidth: 14), .init("Motivo del mancato premio")]
        var records: [[String: SheetCell]] = []
        for bonus in distributions {
            for line in bonus.lines {
                let person = context.person(line.person)
                records.append([
                    "Profilo": .text(bonus.profile), "Matricola": .text(line.person), "Cognome e nome": .text(person?.name),
                    "Punteggio finale": line.points.map(SheetCell.number) ?? .empty,
                    "Part-time %": person.map { .percent($0.partTime * 100) } ?? .empty,
                    "Mesi di servizio": .integer(person?.serviceMonths(in: context.year)),
                    "Peso": .number((line.weight * 1_000_000).rounded() / 1_000_000),
                    "Premio base": euro(line.baseCents), "Maggiorazione": euro(line.increaseCents), "Premio": euro(line.totalCents),
                    "Premio in centesimi": .integer(Int(line.totalCents)), "Motivo del mancato premio": .text(line.unpaidReason),
                ])
            }
        }
        return SheetTable(name: "Premi", columns: columns, records: records)
    }

    /// One row per profile and per evaluator: count, mean, standard deviation, range, top ratings and the bands.
    public static func differentiation(_ report: DifferentiationReport) -> SheetTable {
        let bands = (0..<10).map { "Punti \(RatingDistribution.bandLabel($0))" }
        var columns: [SheetTable.Column] = [.init("Raggruppamento", maxWidth: 14), .init("Identificativo", maxWidth: 20), .init("Descrizione"),
                                            .init("Valutati", maxWidth: 10), .init("Media", maxWidth: 10), .init("Scarto quadratico medio", maxWidth: 12),
                                            .init("Minimo", maxWidth: 10), .init("Massimo", maxWidth: 10), .init("Valutazioni alte", maxWidth: 10),
                                            .init("Quota valutazioni alte", maxWidth: 12)]
        columns += bands.map { SheetTable.Column($0, maxWidth: 12) }
        func record(_ kind: String, _ group: DifferentiationReport.Group) -> [String: SheetCell] {
            let d = group.distribution
            func rounded(_ value: Double?) -> SheetCell { value.map { .number(($0 * 100).rounded() / 100) } ?? .empty }
            var row: [String: SheetCell] = [
                "Raggruppamento": .text(kind), "Identificativo": .text(group.key), "Descrizione": .text(group.title), "Valutati": .integer(d.count),
                "Media": rounded(d.mean), "Scarto quadratico medio": rounded(d.standardDeviation), "Minimo": rounded(d.lowest), "Massimo": rounded(d.highest),
                "Valutazioni alte": .integer(d.topCount), "Quota valutazioni alte": d.topShare.map { .percent(($0 * 10_000).rounded() / 100) } ?? .empty,
            ]
            for (index, band) in bands.enumerated() { row[band] = .integer(d.bands[index]) }
            return row
        }
        let records = report.byProfile.map { record("profilo", $0) } + report.byEvaluator.map { record("valutatore", $0) }
        return SheetTable(name: "Differenziazione", columns: columns, records: records)
    }

    private static func euro(_ cents: Int64) -> SheetCell { .euro(Double(cents) / 100) }
}
