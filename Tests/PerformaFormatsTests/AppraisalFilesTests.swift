import Foundation
import Performa
import Testing
@testable import PerformaFormats

@Suite("Appraisal files")
struct AppraisalFilesTests {
    static let smvpURL = TestFiles.repository.appendingPathComponent("examples/smvp-cciaa-brescia.yaml")
    static let peopleURL = TestFiles.repository.appendingPathComponent("examples/personale-illustrativo-2021.csv")

    static func people() throws -> [Person] {
        try PeopleCSV.people(fromCSV: String(contentsOf: peopleURL, encoding: .utf8), file: peopleURL.lastPathComponent)
    }

    @Test("the example SMVP reads, is labelled illustrative and covers every category with weights adding up to 100")
    func exampleSMVP() throws {
        let smvp = try SMVPFile.read(contentsOf: Self.smvpURL)
        #expect(smvp.illustrative == true)
        #expect(SMVPCheck.problems(smvp).isEmpty)
        for category in PersonCategory.allCases { #expect(smvp.profile(for: category) != nil) }
        #expect(smvp.profile(for: .dirigente)?.components.map(\.kind) == [.organization, .unit, .assignedObjectives, .behaviours, .differentiation])
        #expect(smvp.scale.label(5) == "Eccellente")
        // JSON written back reads the same.
        #expect(try SMVPFile.read(SMVPFile.json(smvp)) == smvp)
    }

    @Test("an SMVP file's errors name the line and the field: an unknown key, weights off 100, an increase under 30%")
    func smvpErrors() throws {
        let text = try String(contentsOf: Self.smvpURL, encoding: .utf8)
        let misspelt = text.replacingOccurrences(of: "reviewDeadlineDays: 15", with: "reviewDeadlineDay: 15")
        #expect(throws: FileError.self) { try SMVPFile.read(misspelt) }
        do {
            _ = try SMVPFile.read(text.replacingOccurrences(of: "{kind: behaviours, weight: 40}", with: "{kind: behaviours, weight: 45}"), fileName: "smvp.yaml")
            Issue.record("weights adding up to 105 were accepted")
        } catch let error as FileError {
            #expect(error.field == "profiles[3].components")
            #expect(error.line != nil)
            #expect(error.message.contains("105,00%"))
        }
        do {
            _ = try SMVPFile.read(text.replacingOccurrences(of: "{share: 10, increase: 30, minimumScore: 90}", with: "{share: 10, increase: 25, minimumScore: 90}"))
            Issue.record("an increase of 25% was accepted")
        } catch let error as FileError {
            #expect(error.field == "profiles[3].bonus.differentiation.increase")
            #expect(error.message.contains("art. 81"))
        }
    }

    @Test("the illustrative staff has the seed's table: 133 people of the Camera (3 dirigenti, D 20, C 71, B 35, A 4), 30 part-time, plus the agency's director")
    func illustrativeStaff() throws {
        let people = try Self.people()
        let plan = try TestFiles.brescia()
        let agencies = Set((plan.organization.specialAgencies ?? []).map(\.id))
        let camera = people.filter { !agencies.contains($0.unit) }
        #expect(camera.count == plan.organization.staff?.total)
        #expect(camera.filter(\.category.isManagerial).count == 3)
        for row in plan.organization.staff?.byCategory ?? [] where row.category.count == 1 {
            #expect(camera.filter { $0.legacyCategory?.rawValue == row.category }.count == row.count, "categoria \(row.category)")
        }
        #expect(camera.filter { $0.partTime < 1 }.count == plan.organization.staff?.partTime)
        // The plan's four managers are people, and every unit is one of the plan's.
        for manager in plan.organization.managers { #expect(people.contains { $0.id == manager.id }, "\(manager.id)") }
        let units = Set((plan.organization.units ?? []).map(\.id)).union(agencies)
        #expect(people.allSatisfy { units.contains($0.unit) })
        #expect(people.allSatisfy { $0.problems.isEmpty })
    }

    @Test("people CSV: export and import give the same people back")
    func roundTrip() throws {
        let people = try Self.people()
        #expect(try PeopleCSV.people(fromCSV: PeopleCSV.csv(people)) == people)
        var one = people[0]
        one.fiscalCode = "RSSMRA85T10A562S"
        one.serviceFrom = Day(2021, 3, 1)
        one.partTime = 0.8333
        #expect(try PeopleCSV.people(fromCSV: PeopleCSV.csv([one])) == [one])
    }

    @Test("people CSV errors name the row and the column")
    func importErrors() throws {
        let header = "Matricola;Cognome e nome;Codice fiscale;Categoria;Area;Categoria 2021;Struttura;Part-time %\n"
        func error(_ rows: String) -> SpreadsheetError? {
            do { _ = try PeopleCSV.people(fromCSV: header + rows, file: "p.csv"); return nil } catch let e as SpreadsheetError { return e } catch { return nil }
        }
        let good = "p1;Uno;;comparto;Istruttori;C;u;100\n"
        #expect(error(good) == nil)
        #expect(error(good + "p2;Due;RSSMRA85T10A562T;comparto;;C;u;100\n")?.description == "p.csv, foglio Personale, riga 3, colonna Codice fiscale: il carattere di controllo del codice fiscale non corrisponde")
        #expect(error(good + "p2;Due;;impiegato;;C;u;100\n").map { ($0.row, $0.column) }! == (3, "Categoria"))
        #expect(error(good + "p2;Due;;comparto;Istruttori;D;u;100\n").map { ($0.row, $0.column) }! == (3, "Categoria 2021"))
        #expect(error(good + "p2;Due;;comparto;;;u;100\n").map { ($0.row, $0.column) }! == (3, "Area"))
        #expect(error(good + "p2;Due;;comparto;;C;u;0\n").map { ($0.row, $0.column) }! == (3, "Part-time %"))
        #expect(error(good + "p1;Due;;comparto;;C;u;100\n")?.message == "persona ripetuta «p1» (già alla riga 2)")
        #expect(throws: SpreadsheetError(file: "p.csv", sheet: "Personale", row: 1, column: "B",
                                         message: "colonna sconosciuta «Nome»: le colonne previste sono " + PeopleSheet.schema.columns.map(\.header).joined(separator: ", "))) {
            try PeopleCSV.people(fromCSV: "Matricola;Nome\np1;x\n", file: "p.csv")
        }
    }
}
