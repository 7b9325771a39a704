import Foundation
import Testing
import Performa
import PerformaBulk
@testable import PerformaFormats
import Yams

@Suite("Plan file")
struct PlanFileTests {
    @Test("the Brescia plan file reads")
    func readsBrescia() throws {
        let plan = try TestFiles.brescia()
        #expect(plan.id == "cciaa-brescia-2021-2023")
        #expect(plan.areas.count == 3)
    }

    @Test("NodeDecoder reads the Brescia plan and its results exactly as Yams' YAMLDecoder does")
    func nodeDecoderAgreesWithYams() throws {
        for url in [TestFiles.bresciaPlan, TestFiles.bresciaResults] {
            let node = try FileDecoding.compose(try FileDecoding.readText(url), fileName: url.lastPathComponent)
            if url == TestFiles.bresciaPlan {
                #expect(try NodeDecoder.decode(Plan.self, from: node) == (try YAMLDecoder().decode(Plan.self, from: node)))
            } else {
                #expect(try NodeDecoder.decode(Results.self, from: node) == (try YAMLDecoder().decode(Results.self, from: node)))
            }
        }
        // Scalars as Yams builds them, and Yams' errors with the same coding paths.
        let node = try FileDecoding.compose("a: 1_000\nb: 2.5e3\nc: yes\nd: ~\ne: [1, ~, 3]\n", fileName: "prova")
        struct Sample: Codable, Equatable { var a: Int; var b: Double; var c: String; var d: Int?; var e: [Int?] }
        #expect(try NodeDecoder.decode(Sample.self, from: node) == (try YAMLDecoder().decode(Sample.self, from: node)))
        let wrong = try FileDecoding.compose("a: uno\nb: 1\nc: x\ne: []\n", fileName: "prova")
        #expect(throws: DecodingError.self) { try NodeDecoder.decode(Sample.self, from: wrong) }
        do {
            _ = try NodeDecoder.decode(Sample.self, from: wrong)
        } catch DecodingError.typeMismatch(let type, let context) {
            #expect(type == Int.self && context.codingPath.map(\.stringValue) == ["a"])
        }
    }

    @Test("YAML round trip is exact: read → write → read gives an equal plan")
    func yamlRoundTrip() throws {
        let plan = try TestFiles.brescia()
        let again = try PlanFile.read(try PlanFile.yaml(plan))
        #expect(again == plan)
        #expect(try PlanFile.yaml(again) == PlanFile.yaml(plan))
    }

    @Test("JSON round trip is exact, and JSON reads as a plan file")
    func jsonRoundTrip() throws {
        let plan = try TestFiles.brescia()
        let json = try PlanFile.json(plan)
        let again = try PlanFile.read(json, fileName: "piano.json")
        #expect(again == plan)
    }

    @Test("a plan with its PIAO round-trips through YAML and JSON; a misspelt PIAO key is refused with its line")
    func piaoRoundTrip() throws {
        var plan = SyntheticPIAO.attach(to: SyntheticPlans(organizations: 1, indicatorsPerOrganization: 30, seed: 3).plan(0), employees: 120, seed: 3)
        plan.piao?.risks?.method = .numeric
        plan.piao?.risks?.processes[0].events[0].assessment = RiskAssessment(probability: 4, impact: 5, rating: .high, motivation: "Eventi passati")
        plan.piao?.risks?.transparency?[0].office = plan.organization.units?.first?.id
        #expect(try PlanFile.read(try PlanFile.yaml(plan)) == plan)
        #expect(try PlanFile.read(try PlanFile.json(plan), fileName: "piano.json") == plan)
        let misspelt = try PlanFile.yaml(plan).replacingOccurrences(of: "    timing:", with: "    timnig:")
        #expect(throws: FileError.self) { try PlanFile.read(misspelt) }
        do {
            _ = try PlanFile.read(misspelt)
        } catch let error as FileError {
            #expect(error.line != nil && error.message.contains("timnig"))
        }
    }

    @Test("a wrong type names the line and the field, in Italian")
    func typeErrorNamesLineAndField() throws {
        let text = """
        format: performa-plan/1
        id: prova
        title: Piano di prova
        span: {from: 2021, to: 2023}
        year: 2021
        status: draft
        organization: {id: ente, name: Ente, managers: []}
        areas:
          - code: "1"
            title: Area uno
            objectives:
              - code: "1.1"
                title: Obiettivo
                weight: cinquanta
                indicators: []
                operationalObjectives: []
        """
        #expect {
            _ = try PlanFile.read(text, fileName: "prova.yaml")
        } throws: { error in
            guard let error = error as? FileError else { return false }
            return error.line == 14 && error.field == "areas[1].objectives[1].weight" && error.message.contains("atteso un numero")
                && error.description.hasPrefix("prova.yaml, riga 14")
        }
    }

    @Test("a missing required field is named with the line of its parent")
    func missingField() throws {
        let text = """
        id: prova
        title: Piano
        span: {from: 2021, to: 2021}
        year: 2021
        status: draft
        organization: {id: ente, name: Ente, managers: []}
        areas:
          - code: "1"
            objectives: []
        """
        #expect {
            _ = try PlanFile.read(text)
        } throws: { error in
            guard let error = error as? FileError else { return false }
            return error.message.contains("«title»") && error.line == 8 && error.field == "areas[1]"
        }
    }

    @Test("an unknown (misspelt) field is refused, not silently dropped")
    func unknownField() throws {
        let text = """
        id: prova
        title: Piano
        span: {from: 2021, to: 2021}
        year: 2021
        status: draft
        organization: {id: ente, name: Ente, managers: []}
        areas:
          - code: "1"
            title: Area
            wieght: 40
            objectives: []
        """
        #expect {
            _ = try PlanFile.read(text)
        } throws: { error in
            guard let error = error as? FileError else { return false }
            return error.message.contains("campo sconosciuto «wieght»") && error.line == 10
        }
    }

    @Test("a YAML syntax error names its line")
    func syntaxError() throws {
        #expect {
            _ = try PlanFile.read("id: prova\ntitle: [aperta\nyear: 2021\n")
        } throws: { error in
            guard let error = error as? FileError else { return false }
            return error.line != nil && error.message.contains("sintassi YAML")
        }
    }

    @Test("targets keep their text; an explicit kind survives the round trip")
    func targetsRoundTrip() throws {
        let explicit = Target(text: "100,00 %", kind: .milestone("Lancio campagna"), isExplicit: true)
        let parsed = Target(parsing: "Almeno 100")
        let indicator = Indicator(number: 1, title: "t", targets: [
            IndicatorTarget(at: .yearEnd(2021), target: explicit),
            IndicatorTarget(at: .midYear(2021), target: parsed),
        ], weight: 100)
        var plan = Plan(id: "p", title: "P", span: YearSpan(from: 2021, to: 2021), year: 2021,
                        organization: Organization(id: "o", name: "O"))
        var objective = OperationalObjective(code: "1.1.1", title: "Op", weight: 100, indicators: [indicator])
        objective.description = "Testo con \"virgolette\": e due punti."
        plan.areas = [StrategicArea(code: "1", title: "A", objectives: [StrategicObjective(code: "1.1", title: "S", operationalObjectives: [objective])])]
        let yaml = try PlanFile.yaml(plan)
        #expect(yaml.contains("text: 100,00 %") || yaml.contains("text: '100,00 %'") || yaml.contains("text: \"100,00 %\""))
        let again = try PlanFile.read(yaml)
        #expect(again == plan)
        #expect(again.areas[0].objectives[0].operationalObjectives[0].indicators[0].targets[1].target.kind == .atLeast(100, unit: nil))
    }
}
