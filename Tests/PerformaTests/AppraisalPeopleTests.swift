import Testing
@testable import Performa

@Suite("Appraisal: people")
struct AppraisalPeopleTests {
    @Test("codice fiscale: the check letter of well-known and constructed codes, omocodia, and each kind of error")
    func fiscalCodes() {
        // RSSMRA85T10A562 by hand: odd positions R S R 8 T 0 5 2 → 8+12+8+19+14+1+13+5 = 80 (odd-position table);
        // even positions S M A 5 1 A 6 → 18+12+0+5+1+0+6 = 42; 122 mod 26 = 18 → S (A = 0).
        #expect(FiscalCode.checkCharacter("RSSMRA85T10A562") == "S")
        #expect(FiscalCode("RSSMRA85T10A562S") != nil)
        #expect(FiscalCode("rssmra85t10a562s")?.text == "RSSMRA85T10A562S")
        // A woman born on the 1st (day + 40), and an omocodia code (the last digit 2 written as N).
        #expect(FiscalCode.checkCharacter("BNCGNN80A41F205") == "A")
        #expect(FiscalCode("BNCGNN80A41F205A") != nil)
        #expect(FiscalCode("RSSMRA85T10A56NH") != nil)
        #expect(FiscalCode.problem("RSSMRA85T10A562T") == "il carattere di controllo del codice fiscale non corrisponde")
        #expect(FiscalCode.problem("RSSMRA85T10A562")?.contains("16 caratteri") == true)
        #expect(FiscalCode.problem("RSSMRA85Z10A562S")?.contains("mese") == true)
        #expect(FiscalCode.problem("RSSMR185T10A562S")?.contains("posizione 6") == true)
        #expect(FiscalCode.problem("RSSMRAX5T10A562S")?.contains("posizione 7") == true)
    }

    @Test("the 1999 categories and the CCNL 2019-21 areas map one to one, both ways, from the texts an HR office writes")
    func classification() {
        for legacy in LegacyCategory.allCases { #expect(StaffArea(legacy).legacyCategory == legacy) }
        #expect(StaffArea(.a) == .operatori)
        #expect(StaffArea(.b) == .operatoriEsperti)
        #expect(StaffArea(.c) == .istruttori)
        #expect(StaffArea(.d) == .funzionari)
        #expect(StaffArea(parsing: "B3") == .operatoriEsperti)
        #expect(StaffArea(parsing: "d1") == .funzionari)
        #expect(StaffArea(parsing: "Area degli Operatori esperti") == .operatoriEsperti)
        #expect(StaffArea(parsing: "Operatori") == .operatori)
        #expect(StaffArea(parsing: "Funzionari ed EQ") == .funzionari)
        #expect(StaffArea(parsing: "E") == nil)
        #expect(PersonCategory(parsing: "P.O.") == .elevataQualificazione)
        #expect(PersonCategory(parsing: "Segretario Generale") == .segretarioGenerale)
        #expect(PersonCategory(parsing: "impiegato") == nil)
    }

    @Test("months of service count the months with more than 15 days in service")
    func serviceMonths() {
        #expect(ServiceMonths.count(from: nil, to: nil, year: 2021) == 12)
        #expect(ServiceMonths.count(from: nil, to: Day(2021, 2, 28), year: 2021) == 2)
        #expect(ServiceMonths.count(from: Day(2021, 3, 16), to: nil, year: 2021) == 10)  // 16 days of March count
        #expect(ServiceMonths.count(from: Day(2021, 3, 17), to: nil, year: 2021) == 9)   // 15 days do not
        #expect(ServiceMonths.count(from: Day(2020, 5, 1), to: Day(2022, 1, 1), year: 2021) == 12)
        #expect(ServiceMonths.count(from: Day(2022, 1, 1), to: nil, year: 2021) == 0)
    }

    @Test("a person's own fields are checked: fiscal code, part-time share, area by category, service dates")
    func personProblems() {
        var person = Person(id: "p1", name: "Persona", category: .comparto, area: .istruttori, unit: "u")
        #expect(person.problems.isEmpty)
        person.fiscalCode = "RSSMRA85T10A562T"
        person.partTime = 1.5
        person.serviceFrom = Day(2021, 6, 1)
        person.serviceTo = Day(2021, 5, 1)
        #expect(person.problems.map(\.field) == ["fiscalCode", "partTime", "serviceTo"])
        #expect(Person(id: "x", name: "X", category: .comparto, unit: "u").problems.map(\.field) == ["area"])
        #expect(Person(id: "x", name: "X", category: .elevataQualificazione, area: .istruttori, unit: "u").problems.map(\.field) == ["area"])
    }

    @Test("the evaluator is the unit's head, the head above for a head, the agency's director, or the one set on the person")
    func evaluators() {
        var organization = Organization(id: "o", name: "Ente")
        organization.units = [OrgUnit(id: "sg", name: "SG", kind: .secretariat, head: "capo"),
                              OrgUnit(id: "area", name: "Area", kind: .area, parent: "sg", head: "dir"),
                              OrgUnit(id: "ufficio", name: "Ufficio", kind: .office, parent: "area")]
        organization.specialAgencies = [SpecialAgency(id: "ag", code: "AG", name: "Agenzia", director: "direttore")]
        func evaluator(_ id: String, _ unit: String, explicit: String? = nil) -> String? {
            EvaluatorResolution.evaluator(of: Person(id: id, name: id, category: .comparto, area: .istruttori, unit: unit, evaluator: explicit), organization: organization)
        }
        #expect(evaluator("p", "ufficio") == "dir")
        #expect(evaluator("dir", "area") == "capo")
        #expect(evaluator("capo", "sg") == nil)
        #expect(evaluator("capo", "sg", explicit: "giunta") == "giunta")
        #expect(evaluator("p", "ag") == "direttore")
    }
}
