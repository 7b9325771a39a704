import Foundation
import Testing
import Performa
@testable import PerformaFormats

@Suite("Plan file")
struct PlanFileTests {
    @Test("the Brescia plan file reads")
    func readsBrescia() throws {
        let plan = try TestFiles.brescia()
        #expect(plan.id == "cciaa-brescia-2021-2023")
        #expect(plan.areas.count == 3)
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
