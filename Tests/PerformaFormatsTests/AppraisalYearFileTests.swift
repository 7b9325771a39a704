import Foundation
import Performa
import Testing
@testable import PerformaFormats

/// The year's appraisal file (`performa-valutazioni/1`) and its illustrative example for the Brescia demo.
@Suite("Appraisal year file")
struct AppraisalYearFileTests {
    static let exampleURL = TestFiles.bresciaResults.deletingLastPathComponent().appendingPathComponent("valutazioni-illustrative-2021.yaml")

    static func example() throws -> (AppraisalYear, AppraisalContext) {
        let plan = try TestFiles.brescia()
        let results = try ResultsFile.read(contentsOf: TestFiles.bresciaResults, plan: plan)
        let smvp = try SMVPFile.read(contentsOf: AppraisalFilesTests.smvpURL)
        let people = try AppraisalFilesTests.people()
        let file = try AppraisalYearFile.read(contentsOf: exampleURL, smvp: smvp, people: people)
        let card = Scorer(plan: plan).scorecard(results: results, at: .yearEnd(2021))
        return (file, AppraisalContext(smvp: smvp, organization: plan.organization, scorecard: card, year: 2021, people: people, inputs: file.inputs))
    }

    @Test("the illustrative example: a scheda for every person, the worked examples' inputs and numbers, funds shared to the cent")
    func illustrativeExample() throws {
        let (file, context) = try Self.example()
        #expect(file.illustrative == true)
        #expect(Set(file.schede.map(\.person)) == Set(context.people.map(\.id)))
        let worked = Dictionary(uniqueKeysWithValues: try AppraisalWorkedExampleTests.inputs().map { ($0.person, $0) })
        for (id, input) in worked { #expect(context.input(for: id) == input, "\(id)") }
        let schede = AppraisalScoring.appraiseAll(context)
        #expect(schede.first { $0.person == "taioli" }?.points == 95.16)
        #expect(schede.first { $0.person == "taioli" }?.components.map(\.score.percent) == [97.88, 99.29, 99.63, 85, 88.39])
        #expect(schede.first { $0.person == "p040" }?.points == 88.79)
        #expect(file.fundCents(profile: "comparto") == 12_000_000)
        let complete = schede.filter { $0.notAppraised == nil }
        #expect(complete.allSatisfy { $0.final.status == .complete })
        let objectives = complete.filter { !$0.objectives.isEmpty }
        #expect(objectives.count > 10)
        for profile in context.smvp.profiles {
            let bonus = AppraisalBonus.distribution(profile: profile, schede: schede, context: context, fundCents: file.fundCents(profile: profile.id) ?? 0)
            #expect(bonus.distributedCents == file.fundCents(profile: profile.id), "\(profile.id)")
        }
    }

    @Test("errors name the line and the field, in Italian")
    func errors() throws {
        let smvp = try SMVPFile.read(contentsOf: AppraisalFilesTests.smvpURL)
        let people = try AppraisalFilesTests.people()
        func error(_ text: String) -> FileError? {
            do { _ = try AppraisalYearFile.read(text, smvp: smvp, people: people, fileName: "v.yaml"); return nil } catch { return error as? FileError }
        }
        let head = "format: performa-valutazioni/1\norganization: cciaa-brescia\nyear: 2021\n"
        let fund = error(head + "funds:\n  - {profile: comparto, euros: 100.005}\nschede: []\n")
        #expect(fund?.line == 5)
        #expect(fund?.field == "funds[1].euros")
        #expect(fund?.message.contains("due decimali") == true)
        let rating = error(head + "funds: []\nschede:\n  - person: p040\n    ratings:\n      - {behaviour: qualita, rating: 7}\n")
        #expect(rating?.line == 8)
        #expect(rating?.field == "schede[1].ratings[1].rating")
        #expect(rating?.message == "valutazione 7 fuori dalla scala 1–5")
        let behaviour = error(head + "funds: []\nschede:\n  - person: p040\n    ratings:\n      - {behaviour: guida, rating: 3}\n")
        #expect(behaviour?.message.hasPrefix("comportamento «guida» non previsto dal profilo «comparto»") == true)
        let person = error(head + "funds: []\nschede:\n  - person: nessuno\n")
        #expect(person?.line == 6)
        #expect(person?.message == "persona «nessuno» inesistente nel personale")
        let measurement = error(head + """
        funds: []
        schede:
          - person: p040
            objectives:
              - {code: OI.1, title: Prova, weight: 100, indicators: [{number: 1, title: Pratiche, weight: 100, targets: [{at: 2021-12-31, target: "90%"}]}]}
            measurements:
              - {indicator: OI.1/2, at: 2021-12-31, value: "80%"}
        """)
        #expect(measurement?.field == "schede[1].measurements[1].indicator")
        #expect(measurement?.message == "indicatore «OI.1/2» inesistente negli obiettivi della scheda")
        let unknown = error(head + "funds: []\nschede: []\nfondi: 3\n")
        #expect(unknown?.message.contains("campo sconosciuto «fondi»") == true)
    }
}
