import Foundation
import Performa

/// Reading and writing a year's appraisal file (`performa-valutazioni/1`, docs/appraisal-file-format.md): YAML or
/// JSON read by the plan files' decoder (unknown keys refused, the value limits of every way in), then checked on
/// its own and, when given, against the SMVP and the people. The first problem is thrown naming the line and field.
public enum AppraisalYearFile {
    public static let format = "performa-valutazioni/1"

    public static func read(_ text: String, smvp: SMVP? = nil, people: [Person]? = nil, fileName: String = "valutazioni") throws -> AppraisalYear {
        let file = try FileDecoding.decode(AppraisalYear.self, from: text, fileName: fileName)
        if let problem = problems(file, smvp: smvp, people: people).first {
            let mark = FileDecoding.node(at: problem.path, in: try FileDecoding.compose(text, fileName: fileName)).mark
            throw FileError(file: fileName, line: mark?.line, column: mark?.column, field: FileDecoding.fieldPath(problem.path), message: problem.message)
        }
        return file
    }

    public static func read(contentsOf url: URL, smvp: SMVP? = nil, people: [Person]? = nil) throws -> AppraisalYear {
        try read(try FileDecoding.readText(url), smvp: smvp, people: people, fileName: url.lastPathComponent)
    }

    /// Pretty-printed JSON with sorted keys; JSON is YAML, so `read` takes it back.
    public static func json(_ file: AppraisalYear) throws -> String { try FileDecoding.json(file) }

    /// Every problem, in file order, with the path of the field and an Italian message.
    public static func problems(_ file: AppraisalYear, smvp: SMVP? = nil, people: [Person]? = nil) -> [(path: [any CodingKey], message: String)] {
        var found: [(path: [any CodingKey], message: String)] = []
        func add(_ path: [any CodingKey], _ message: String) { found.append((path, message)) }
        typealias K = AppraisalFieldKey
        if let format = file.format, format != Self.format {
            add([K.key("format")], "formato «\(format)» non riconosciuto: atteso «\(Self.format)»")
        }
        if !(2000...2100).contains(file.year) { add([K.key("year")], "anno \(file.year) fuori dall'intervallo 2000–2100") }
        if let smvp, smvp.organization != file.organization {
            add([K.key("organization")], "le valutazioni sono dell'ente «\(file.organization)», il SMVP di «\(smvp.organization)»")
        }
        var fundProfiles: Set<String> = []
        for (index, fund) in file.funds.enumerated() {
            let at: [any CodingKey] = [K.key("funds"), K.index(index)]
            if !fundProfiles.insert(fund.profile).inserted { add(at + [K.key("profile")], "fondo ripetuto per il profilo «\(fund.profile)»") }
            if let smvp, !smvp.profiles.contains(where: { $0.id == fund.profile }) {
                add(at + [K.key("profile")], "profilo «\(fund.profile)» inesistente nel SMVP (profili: \(smvp.profiles.map(\.id).joined(separator: ", ")))")
            }
            if !(fund.euros.isFinite && fund.euros >= 0 && fund.euros < 1e11) {
                add(at + [K.key("euros")], "importo del fondo non valido: atteso da 0 a meno di 100 miliardi di euro")
            } else if abs(fund.euros * 100 - (fund.euros * 100).rounded()) > 1e-6 {
                add(at + [K.key("euros")], "importo «\(ItalianNumber.format(fund.euros, fractionDigits: 6))» oltre il centesimo: al più due decimali")
            }
        }
        let peopleById = people.map { Dictionary($0.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }
        var seen: Set<String> = []
        for (index, scheda) in file.schede.enumerated() {
            let at: [any CodingKey] = [K.key("schede"), K.index(index)]
            if !seen.insert(scheda.person).inserted { add(at + [K.key("person")], "scheda ripetuta per «\(scheda.person)»") }
            let person = peopleById?[scheda.person]
            if peopleById != nil && person == nil { add(at + [K.key("person")], "persona «\(scheda.person)» inesistente nel personale") }
            objectiveProblems(scheda, year: file.year, at: at, add: add)
            let profile = person.flatMap { smvp?.profile(for: $0.category) }
            var rated: Set<String> = []
            for (r, rating) in (scheda.ratings ?? []).enumerated() {
                let here = at + [K.key("ratings"), K.index(r)]
                if !rated.insert(rating.behaviour).inserted { add(here + [K.key("behaviour")], "comportamento «\(rating.behaviour)» valutato due volte") }
                if let smvp, !smvp.scale.contains(rating.rating) {
                    add(here + [K.key("rating")], "valutazione \(rating.rating) fuori dalla scala \(smvp.scale.minimum)–\(smvp.scale.maximum)")
                }
                if let profile, !profile.behaviours.contains(where: { $0.id == rating.behaviour }) {
                    add(here + [K.key("behaviour")], "comportamento «\(rating.behaviour)» non previsto dal profilo «\(profile.id)» (comportamenti: \(profile.behaviours.map(\.id).joined(separator: ", ")))")
                }
            }
        }
        return found
    }

    /// Objectives weighted and uniquely coded; measurements of indicators that exist, at a checkpoint with a
    /// target, with a value that suits it — the results file's own check, on the scheda's objectives as a plan.
    private static func objectiveProblems(_ scheda: AppraisalYear.Scheda, year: Int, at: [any CodingKey], add: ([any CodingKey], String) -> Void) {
        typealias K = AppraisalFieldKey
        let objectives = scheda.objectives ?? []
        var codes: Set<String> = []
        for (o, objective) in objectives.enumerated() {
            let here = at + [K.key("objectives"), K.index(o)]
            if !codes.insert(objective.code).inserted { add(here + [K.key("code")], "obiettivo individuale ripetuto «\(objective.code)»") }
            if let weight = objective.weight, !(weight > 0 && weight <= 100) { add(here + [K.key("weight")], "peso \(ItalianNumber.format(weight, fractionDigits: 2)) fuori dall'intervallo (0, 100]") }
            if objective.indicators.isEmpty { add(here + [K.key("indicators")], "l'obiettivo «\(objective.code)» non ha indicatori") }
        }
        guard !(scheda.measurements ?? []).isEmpty || !(scheda.neutralisations ?? []).isEmpty else { return }
        let input = scheda.input(year: year)
        let wrapper = StrategicObjective(code: "scheda", title: "Obiettivi individuali", weight: 100,
                                         split: ResultSplit(ownIndicators: 0, operationalObjectives: 100), operationalObjectives: objectives)
        let plan = Plan(id: input.results!.plan, title: "Scheda", span: YearSpan(from: year, to: year), year: year,
                        organization: Organization(id: "scheda", name: "scheda"),
                        areas: [StrategicArea(code: "scheda", title: "Scheda", objectives: [wrapper])])
        if let problem = ResultsFile.problem(in: input.results!, plan: plan) {
            add(at + problem.path, problem.message.replacingOccurrences(of: "nel piano", with: "negli obiettivi della scheda"))
        }
    }
}
