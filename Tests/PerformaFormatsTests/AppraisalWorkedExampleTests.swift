import Foundation
import Performa
import Testing
@testable import PerformaFormats

/// The two schede computed by hand in docs/appraisal.md ("Esempi calcolati a mano"), on the Brescia demo: the plan
/// and its illustrative 2021 results, the illustrative SMVP and staff. If a number here changes, the document must too.
@Suite("Appraisal: worked examples of docs/appraisal.md")
struct AppraisalWorkedExampleTests {
    static func ratings(_ ids: [String], _ values: [Int]) -> [BehaviourRating] {
        zip(ids, values).map { BehaviourRating(behaviour: $0, rating: $1) }
    }

    static let eq = ["coordinamento", "problemi", "relazione", "competenze"]
    static let comparto = ["qualita", "collaborazione", "utenza", "flessibilita"]

    static func inputs() throws -> [AppraisalInput] {
        let yearEnd = Day.yearEnd(2021)
        let objectives = [
            OperationalObjective(code: "OI.1", title: "Evasione delle pratiche del registro imprese", weight: 60, indicators: [
                Indicator(number: 1, title: "Pratiche evase entro 5 giorni", targets: [IndicatorTarget(at: yearEnd, target: Target(parsing: "90%"))], weight: 100)]),
            OperationalObjective(code: "OI.2", title: "Manuale delle procedure dell'ufficio", weight: 40, indicators: [
                Indicator(number: 1, title: "Manuale pubblicato", targets: [IndicatorTarget(at: yearEnd, target: Target(parsing: "entro il 30/09/2021"))], weight: 50),
                Indicator(number: 2, title: "Colleghi formati sul manuale", targets: [IndicatorTarget(at: yearEnd, target: Target(parsing: "Almeno 4"))], weight: 50)]),
        ]
        var results = Results(plan: "scheda-p040")
        results.measurements = [
            try Measurement(indicator: IndicatorKey(objective: "OI.1", number: 1), at: yearEnd, text: "85,5%"),
            try Measurement(indicator: IndicatorKey(objective: "OI.2", number: 1), at: yearEnd, text: "10/10/2021"),
            try Measurement(indicator: IndicatorKey(objective: "OI.2", number: 2), at: yearEnd, text: "3"),
        ]
        return [
            AppraisalInput(person: "taioli", year: 2021, ratings: ratings(["guida", "decisione", "integrazione", "innovazione"], [4, 5, 4, 4])),
            AppraisalInput(person: "p036", year: 2021, ratings: ratings(eq, [5, 5, 5, 4])),
            AppraisalInput(person: "p037", year: 2021, ratings: ratings(comparto, [4, 4, 5, 4])),
            AppraisalInput(person: "p038", year: 2021, ratings: ratings(comparto, [4, 4, 3, 4])),
            AppraisalInput(person: "p039", year: 2021, ratings: ratings(comparto, [5, 4, 5, 4])),
            AppraisalInput(person: "p040", year: 2021, objectives: objectives, results: results, ratings: ratings(comparto, [4, 4, 4, 4])),
        ]
    }

    static func context(results: Results? = nil) throws -> AppraisalContext {
        let plan = try TestFiles.brescia()
        let planResults = try results ?? ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let card = Scorer(plan: plan).scorecard(results: planResults, at: .yearEnd(2021))
        return AppraisalContext(smvp: try SMVPFile.read(contentsOf: AppraisalFilesTests.smvpURL), organization: plan.organization, scorecard: card,
                                year: 2021, people: try AppraisalFilesTests.people(), inputs: try inputs())
    }

    @Test("the dirigente: Cristiana Taioli, 95,16 points")
    func dirigente() throws {
        let context = try Self.context()
        let scheda = AppraisalScoring.appraise(context.person("taioli")!, in: context)
        #expect(scheda.evaluator == "ziletti")
        #expect(scheda.components.map(\.kind) == [.organization, .unit, .assignedObjectives, .behaviours, .differentiation])
        #expect(scheda.components.map(\.score.percent) == [97.88, 99.29, 99.63, 85, 88.39])
        #expect(scheda.final.status == .complete)
        #expect(scheda.points == 95.16)
        #expect(scheda.steps.last?.text == "20,00% × 97,88 + 20,00% × 99,29 + 30,00% × 99,63 + 20,00% × 85,00 + 10,00% × 88,39 = 95,16 punti su 100.")
        #expect(context.ratedBy("taioli").filter { context.behaviourPoints(of: $0) != nil } == ["p036", "p037", "p038", "p039", "p040"])
    }

    @Test("the employee: Persona illustrativa 040, istruttore of the Area Anagrafica, 88,79 points")
    func employee() throws {
        let context = try Self.context()
        let scheda = AppraisalScoring.appraise(context.person("p040")!, in: context)
        #expect(scheda.evaluator == "taioli")
        #expect(scheda.indicators.map(\.score.percent) == [95, 90, 75])
        #expect(scheda.objectives.map(\.score.percent) == [95, 82.5])
        #expect(scheda.components.map(\.score.percent) == [99.29, 90, 80])
        #expect(scheda.points == 88.79)
        #expect(scheda.steps.last?.text == "30,00% × 99,29 + 30,00% × 90,00 + 40,00% × 80,00 = 88,79 punti su 100.")
    }

    @Test("an OIV correction of the plan flows into the schede that depend on it")
    func organizationalChangeFlows() throws {
        let plan = try TestFiles.brescia()
        var results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let before = try Self.context(results: results)
        // The OIV corrects objective 2.2 to 50%: strategic area 2, which measures the Area Anagrafica, goes down, and so
        // do the schede of its people and of its dirigente (whose assigned objectives include 2.2).
        results.overrides = (results.overrides ?? []) + [AchievementOverride(subject: "2.2", at: .yearEnd(2021), achievement: 50, reason: "correzione OIV")]
        let after = try Self.context(results: results)
        for id in ["p040", "taioli"] {
            let old = AppraisalScoring.appraise(before.person(id)!, in: before), new = AppraisalScoring.appraise(after.person(id)!, in: after)
            #expect(new.components.first { $0.kind == .unit }!.score.percent! < old.components.first { $0.kind == .unit }!.score.percent!)
            #expect(new.points! < old.points!, "\(id)")
        }
    }

    @Test("the differentiation report and the bonus of the Brescia demo: the fund shared to the cent, none for the unappraised")
    func reportAndBonus() throws {
        let context = try Self.context()
        let schede = AppraisalScoring.appraiseAll(context)
        #expect(schede.count == 134)
        // The one who left on 28/02 served 2 months, fewer than the SMVP's 3.
        #expect(schede.compactMap(\.notAppraised) == ["Servizio nell'anno di 2 mesi, meno dei 3 richiesti dal SMVP."])
        let report = DifferentiationReport(appraisals: schede, smvp: context.smvp, year: 2021)
        #expect(report.byProfile.map(\.key) == ["dirigenti", "eq", "comparto"])
        #expect(report.byProfile.first { $0.key == "comparto" }?.distribution.count == 4)
        let entries = schede.filter { $0.profile == "comparto" }.map { scheda in
            BonusDistribution.Entry(person: scheda.person, points: scheda.final.status == .complete ? scheda.points : nil,
                                    partTime: context.person(scheda.person)!.partTime, serviceMonths: scheda.serviceMonths)
        }
        let bonus = BonusDistribution(profile: "comparto", fundCents: 12_000_000, rules: context.smvp.profile(for: .comparto)!.bonus!, entries: entries)
        #expect(bonus.distributedCents == 12_000_000)
        #expect(bonus.paidCount == 4)
    }
}
