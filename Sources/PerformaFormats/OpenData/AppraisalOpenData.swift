import Performa

/// The open data of individual performance that D.Lgs. 33/2013 art. 20 asks to publish, **aggregated and never a
/// person's amount or score**: per SMVP profile, the funds allocated and the bonuses actually paid, the mean bonus,
/// how selective the distribution was, and how differentiated the ratings are (`premi`, `differenziazione`).
///
/// A group of fewer than `minimumGroup` people gives its totals and mean only: its lowest and highest amount and its
/// distribution by bands would let a reader work out individual amounts (a profile of three dirigenti), so they
/// are published as null, and the reason is in `nota`.
public enum AppraisalOpenData {
    /// Smallest group whose minimum, maximum and bands are published.
    public static let minimumGroup = 5

    public static let bonusColumns: [OpenDataTable.Column] = [
        .init("ente", "testo", "Identificativo dell'ente."),
        .init("anno", "intero", "Anno di valutazione."),
        .init("scheda", "testo", "Scheda del sistema di valutazione (dirigenti, posizioni organizzative, comparto…)."),
        .init("scheda_titolo", "testo", "Titolo della scheda."),
        .init("fondo_euro", "numero", "Ammontare stanziato per la performance individuale, in euro."),
        .init("distribuito_euro", "numero", "Ammontare dei premi effettivamente distribuiti, in euro."),
        .init("persone_valutate", "intero", "Persone con una valutazione completa."),
        .init("persone_premiate", "intero", "Persone a cui spetta un premio."),
        .init("persone_con_maggiorazione", "intero", "Persone con la maggiorazione del premio (CCNL Funzioni Locali 2019-21, art. 81)."),
        .init("premio_medio_euro", "numero", "Premio medio delle persone premiate, in euro."),
        .init("premio_minimo_euro", "numero", "Premio più basso tra le persone premiate; null per gruppi di meno di 5 persone."),
        .init("premio_massimo_euro", "numero", "Premio più alto; null per gruppi di meno di 5 persone."),
        .init("premiati_sotto_meta_media", "intero", "Premiati con meno della metà del premio medio; null per gruppi di meno di 5 persone."),
        .init("premiati_fino_media", "intero", "Premiati con almeno la metà e fino al premio medio; null per gruppi di meno di 5 persone."),
        .init("premiati_oltre_media", "intero", "Premiati con più del premio medio; null per gruppi di meno di 5 persone."),
        .init("nota", "testo", "Perché alcuni valori non sono pubblicati."),
        .init("illustrativo", "booleano", "true se sistema di valutazione e valutazioni sono illustrativi."),
    ]

    public static let differentiationColumns: [OpenDataTable.Column] = [
        .init("ente", "testo", "Identificativo dell'ente."),
        .init("anno", "intero", "Anno di valutazione."),
        .init("scheda", "testo", "Scheda del sistema di valutazione."),
        .init("scheda_titolo", "testo", "Titolo della scheda."),
        .init("persone_valutate", "intero", "Persone con una valutazione completa."),
        .init("punteggio_medio", "numero", "Media dei punteggi finali (punti su 100)."),
        .init("deviazione_standard", "numero", "Deviazione standard dei punteggi finali; null per gruppi di meno di 5 persone."),
        .init("quota_punteggi_alti", "numero", "Percentuale di punteggi finali dalla soglia dei punteggi più alti del sistema; null per gruppi di meno di 5 persone."),
        .init("soglia_punteggi_alti", "numero", "Punteggio da cui un giudizio conta tra i più alti."),
        .init("nota", "testo", "Perché alcuni valori non sono pubblicati."),
        .init("illustrativo", "booleano", "true se sistema di valutazione e valutazioni sono illustrativi."),
    ]

    /// `premi`: one record per profile with a fund or a bonus rule.
    public static func bonuses(organization: String, year: Int, smvp: SMVP, distributions: [BonusDistribution], appraised: [String: Int]) -> OpenDataTable {
        let illustrative = smvp.illustrative == true
        let records = distributions.map { distribution -> [String: OpenDataValue] in
            let title = smvp.profiles.first { $0.id == distribution.profile }?.title
            let paid = distribution.lines.filter { $0.unpaidReason == nil }.map(\.totalCents)
            let published = paid.count >= minimumGroup
            let mean = paid.isEmpty ? nil : Double(paid.reduce(0, +)) / Double(paid.count)
            func euros(_ cents: Int64?) -> OpenDataValue { .number(cents.map { Double($0) / 100 }) }
            func count(_ predicate: (Int64) -> Bool) -> OpenDataValue { published ? .integer(paid.filter(predicate).count) : .null }
            return [
                "ente": .text(organization), "anno": .integer(year), "scheda": .text(distribution.profile), "scheda_titolo": .text(title),
                "fondo_euro": euros(distribution.fundCents), "distribuito_euro": euros(distribution.distributedCents),
                "persone_valutate": .integer(appraised[distribution.profile] ?? 0), "persone_premiate": .integer(paid.count),
                "persone_con_maggiorazione": .integer(distribution.increasedCount),
                "premio_medio_euro": .number(mean.map { $0.rounded() / 100 }),
                "premio_minimo_euro": published ? euros(paid.min()) : .null, "premio_massimo_euro": published ? euros(paid.max()) : .null,
                "premiati_sotto_meta_media": count { Double($0) < (mean ?? 0) / 2 },
                "premiati_fino_media": count { Double($0) >= (mean ?? 0) / 2 && Double($0) <= (mean ?? 0) },
                "premiati_oltre_media": count { Double($0) > (mean ?? 0) },
                "nota": published || paid.isEmpty ? .null : .text(smallGroupNote),
                "illustrativo": .bool(illustrative),
            ]
        }
        return OpenDataTable(name: "premi", columns: bonusColumns, records: records)
    }

    /// `differenziazione`: one record per profile, from the differentiation report.
    public static func differentiation(organization: String, report: DifferentiationReport, smvp: SMVP) -> OpenDataTable {
        let records = report.byProfile.map { group -> [String: OpenDataValue] in
            let d = group.distribution
            let published = d.count >= minimumGroup
            return [
                "ente": .text(organization), "anno": .integer(report.year), "scheda": .text(group.key), "scheda_titolo": .text(group.title),
                "persone_valutate": .integer(d.count), "punteggio_medio": .number(d.mean.map { ($0 * 100).rounded() / 100 }),
                "deviazione_standard": published ? .number(d.standardDeviation.map { ($0 * 100).rounded() / 100 }) : .null,
                "quota_punteggi_alti": published ? .number(d.topShare.map { ($0 * 10_000).rounded() / 100 }) : .null,
                "soglia_punteggi_alti": .number(d.topFrom),
                "nota": published || d.count == 0 ? .null : .text(smallGroupNote),
                "illustrativo": .bool(smvp.illustrative == true),
            ]
        }
        return OpenDataTable(name: "differenziazione", columns: differentiationColumns, records: records)
    }

    static let smallGroupNote = "gruppo di meno di 5 persone: minimo, massimo, distribuzione e dispersione non pubblicati per non rendere riconoscibili i singoli"
}
