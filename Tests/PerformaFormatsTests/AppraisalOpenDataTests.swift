import Foundation
@testable import Performa
import PerformaFormats
import Testing

/// The open data of art. 20 (`premi`, `differenziazione`): aggregated figures that add up, and nothing that lets a
/// reader work out a person's amount or score.
@Suite("Open data of individual performance")
struct AppraisalOpenDataTests {
    static let smvp = try! SMVPFile.read(contentsOf: TestFiles.repository.appendingPathComponent("examples/smvp-cciaa-brescia.yaml"))
    static let rules = BonusRules(threshold: 60, differentiation: BonusDifferentiation(share: 20, increase: 30, minimumScore: 90))

    /// The six people of docs/appraisal.md's bonus example: paid € 3.291,55, 2.520,82, 1.135,63, 1.064,65, 1.987,35.
    static let sixPeople = BonusDistribution(profile: "comparto", fundCents: 1_000_000, rules: rules, entries: [
        .init(person: "a", points: 96, partTime: 1, serviceMonths: 12), .init(person: "b", points: 88.79, partTime: 1, serviceMonths: 12),
        .init(person: "c", points: 80, partTime: 0.5, serviceMonths: 12), .init(person: "d", points: 75, partTime: 1, serviceMonths: 6),
        .init(person: "e", points: 70, partTime: 1, serviceMonths: 12), .init(person: "f", points: 55, partTime: 1, serviceMonths: 12),
    ])

    @Test("premi: fund, amount paid, mean, lowest, highest and bands of the worked example; no person's id anywhere")
    func bonusTable() throws {
        let table = AppraisalOpenData.bonuses(organization: "cciaa-brescia", year: 2021, smvp: Self.smvp, distributions: [Self.sixPeople],
                                              appraised: ["comparto": 6])
        let record = Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.name), table.rows[0]))
        #expect(record["fondo_euro"] == .number(10_000))
        #expect(record["distribuito_euro"] == .number(10_000))
        #expect(record["persone_valutate"] == .integer(6))
        #expect(record["persone_premiate"] == .integer(5))
        #expect(record["persone_con_maggiorazione"] == .integer(1))
        #expect(record["premio_medio_euro"] == .number(2_000))
        #expect(record["premio_minimo_euro"] == .number(1_064.65))
        #expect(record["premio_massimo_euro"] == .number(3_291.55))
        #expect(record["premiati_sotto_meta_media"] == .integer(0))
        #expect(record["premiati_fino_media"] == .integer(3))
        #expect(record["premiati_oltre_media"] == .integer(2))
        #expect(record["nota"] == .null)
        for person in ["\"a\"", "\"b\"", "\"c\""] { #expect(!table.json.contains(person)) }
        #expect(table.csv.hasPrefix("ente,anno,scheda,scheda_titolo,fondo_euro,distribuito_euro,"))
    }

    @Test("a group of fewer than five people publishes its totals and mean only, and says why")
    func smallGroups() {
        let three = BonusDistribution(profile: "dirigenti", fundCents: 3_000_000, rules: BonusRules(threshold: 60), entries: [
            .init(person: "x", points: 95, partTime: 1, serviceMonths: 12), .init(person: "y", points: 90, partTime: 1, serviceMonths: 12),
            .init(person: "z", points: 85, partTime: 1, serviceMonths: 12),
        ])
        let table = AppraisalOpenData.bonuses(organization: "cciaa-brescia", year: 2021, smvp: Self.smvp, distributions: [three], appraised: ["dirigenti": 3])
        let record = Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.name), table.rows[0]))
        #expect(record["distribuito_euro"] == .number(30_000))
        #expect(record["premio_medio_euro"] == .number(10_000))
        for hidden in ["premio_minimo_euro", "premio_massimo_euro", "premiati_sotto_meta_media", "premiati_fino_media", "premiati_oltre_media"] {
            #expect(record[hidden] == .null, "\(hidden) is not published for three people")
        }
        guard case .text(let note)? = record["nota"] else { Issue.record("no note"); return }
        #expect(note.contains("meno di 5 persone"))
    }

    @Test("differenziazione: count, mean and deviation per profile, dispersion hidden for small groups")
    func differentiationTable() {
        func appraisal(_ person: String, _ profile: String, _ points: Double) -> Appraisal {
            Appraisal(person: person, name: person, year: 2021, profile: profile, evaluator: "taioli", serviceMonths: 12, notAppraised: nil,
                      components: [], objectives: [], indicators: [], behaviours: [],
                      final: Score(computed: points / 100, status: .complete), points: points, steps: [])
        }
        let appraisals = [80, 85, 90, 95, 100].enumerated().map { appraisal("c\($0.offset)", "comparto", Double($0.element)) }
            + [appraisal("d1", "dirigenti", 90), appraisal("d2", "dirigenti", 96)]
        let report = DifferentiationReport(appraisals: appraisals, smvp: Self.smvp, year: 2021)
        let table = AppraisalOpenData.differentiation(organization: "cciaa-brescia", report: report, smvp: Self.smvp)
        let rows = table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.name), $0)) }
        let staff = try! #require(rows.first { $0["scheda"] == .text("comparto") })
        #expect(staff["persone_valutate"] == .integer(5))
        #expect(staff["punteggio_medio"] == .number(90))
        #expect(staff["deviazione_standard"] == .number(7.07))
        let managers = try! #require(rows.first { $0["scheda"] == .text("dirigenti") })
        #expect(managers["punteggio_medio"] == .number(93))
        #expect(managers["deviazione_standard"] == .null)
        #expect(managers["quota_punteggi_alti"] == .null)
    }
}
