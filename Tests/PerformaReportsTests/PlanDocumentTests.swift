import Foundation
import Performa
import Testing
@testable import PerformaReports

@Suite("Piano della Performance")
struct PlanDocumentTests {
    /// The Brescia Piano, rendered once for the whole suite.
    struct Fixture: Sendable {
        let plan: Plan
        let html: String
        let text: String
    }

    static let fixture: Fixture? = {
        guard let plan = try? ReportTestSupport.brescia() else { return nil }
        let html = PlanDocument(plan: plan).render()
        return Fixture(plan: plan, html: html, text: ReportTestSupport.text(html))
    }()

    let plan: Plan
    let html: String
    let text: String

    init() throws {
        let fixture = try #require(Self.fixture, "the Brescia plan cannot be read")
        plan = fixture.plan
        html = fixture.html
        text = fixture.text
    }

    private func percent(_ value: Double) -> String { ItalianNumber.percentValue(value) }

    @Test("the chapters follow the seed's INDICE GENERALE, in its order")
    func chapterOrder() throws {
        let headings = [
            "Premessa", "1. Presentazione dell'ente", "1.1 Mission e principali attività", "1.2 Organizzazione e personale",
            "1.2.1 Gli Organi", "1.2.2 La struttura organizzativa", "1.2.3 Risorse umane", "1.2.4 Articolazione territoriale",
            "1.3 Il Bilancio e le risorse economiche e finanziarie", "1.3.1 Il Bilancio", "1.3.2 Le partecipazioni",
            "2. Scenario socio-economico", "3. Indirizzi strategici e programmi operativi", "4. Pianificazione",
            "4.1 Albero della performance", "4.2 Schede obiettivi strategici ed operativi",
            "Quadro di sintesi degli obiettivi e degli indicatori",
            "Area strategica 1 – ", "Area strategica 2 – ", "Area strategica 3 – ",
            "4.3 Schede obiettivi Azienda Speciale Pro Brixia", "4.4 Assegnazione obiettivi ai Dirigenti",
            "Allegato – Piano organizzativo del lavoro agile 2021",
        ]
        var position = try #require(html.range(of: "<main>")).upperBound
        for heading in headings {
            let found = html.range(of: ">\(XMLText.escape(heading))", range: position..<html.endIndex)
            #expect(found != nil, "heading «\(heading)» missing or out of order")
            if let found { position = found.upperBound }
        }
    }

    @Test("every objective has its sheet, in plan order, with code, title and weight")
    func everyObjectiveSheet() throws {
        var position = html.startIndex
        for entry in PlanIndex(plan, measures: false).entries {
            let id = "obiettivo-" + entry.key.lowercased().replacingOccurrences(of: ".", with: "-")
            let found = html.range(of: "<section aria-labelledby=\"\(id)\"", range: position..<html.endIndex)
            #expect(found != nil, "sheet of \(entry.key) missing or out of order")
            if let found { position = found.upperBound }
            let sheet = ReportTestSupport.text(try #require(ReportTestSupport.section(html, id: id, family: "obiettivo-")))
            #expect(sheet.contains(entry.sheet.title), "\(entry.key): title")
            #expect(sheet.contains(entry.key), "\(entry.key): code")
            if let weight = entry.sheet.weight { #expect(sheet.contains("Peso \(percent(weight))"), "\(entry.key): weight \(weight)") }
            if let classification = entry.sheet.classification {
                #expect(sheet.contains("Missione \(classification.missione.code) – \(classification.missione.title)"))
                #expect(sheet.contains("Programma \(classification.programma.code) – \(classification.programma.title)"))
            }
            for part in [entry.sheet.unitsInvolved].compactMap({ $0 }) { #expect(sheet.contains(part), "\(entry.key): units") }
        }
    }

    @Test("every indicator's baseline, targets, weights and evidence are on its objective's sheet")
    func everyIndicator() throws {
        for entry in PlanIndex(plan, measures: false).entries {
            let id = "obiettivo-" + entry.key.lowercased().replacingOccurrences(of: ".", with: "-")
            let sheet = ReportTestSupport.text(try #require(ReportTestSupport.section(html, id: id, family: "obiettivo-")))
            for indicator in entry.sheet.indicators {
                #expect(sheet.contains(indicator.title), "\(entry.key)/\(indicator.number): title")
                if let baseline = indicator.baseline { #expect(sheet.contains(baseline.text), "\(entry.key)/\(indicator.number): baseline") }
                if let evidence = indicator.evidence { #expect(sheet.contains(evidence), "\(entry.key)/\(indicator.number): evidence") }
                if let weight = indicator.weight { #expect(sheet.contains(percent(weight)), "\(entry.key)/\(indicator.number): weight") }
                for target in indicator.targets {
                    #expect(sheet.contains(ReportTestSupport.text(XMLText.escape(target.target.text))), "\(entry.key)/\(indicator.number): target \(target.target.text)")
                    if let weight = target.weight { #expect(sheet.contains(percent(weight)), "\(entry.key)/\(indicator.number): weight \(weight) at \(target.at)") }
                }
            }
        }
    }

    @Test("the strategic sheets print the indicator weights per year in the seed's columns")
    func strategicColumns() throws {
        let sheet = try #require(ReportTestSupport.section(html, id: "obiettivo-1-1", family: "obiettivo-"))
        let sheetText = ReportTestSupport.text(sheet)
        let row = ReportTestSupport.text(try #require(sheet.components(separatedBy: "<tr>").first { $0.contains("<td>Partecipazione al CSS e ad iniziative correlate</td>") }))
        // Seed line 826: "1 Partecipazione al CSS e ad iniziative correlate - SI 40% SI 30% SI 30%".
        #expect(row == "1 Partecipazione al CSS e ad iniziative correlate - SI 40,00% SI 30,00% SI 30,00%")
        for header in ["Target storico riferimento", "Risultato atteso al 2021", "Risultato atteso al 2022", "Risultato atteso al 2023", "Peso%",
                       "Quantificazione del peso degli indicatori al raggiungimento dell'obiettivo strategico", "Indicatori obiettivo strategico",
                       "Risorse finanziarie del progetto", "Documentazione e report finali, con riferimento ai singoli indicatori"] {
            #expect(sheetText.contains(header), "\(header)")
        }
        let operational = try #require(ReportTestSupport.section(html, id: "obiettivo-1-1-2", family: "obiettivo-"))
        let first = ReportTestSupport.text(try #require(operational.components(separatedBy: "<tr>").first { $0.contains("<td>istruttoria e concessione dei contributi relativi alle domande sui bandi camerali 2019 residue e pervenute sui bandi 2020 entro il 28.2.2021</td>") }))
        // Seed: "1 istruttoria e concessione … 97,40% corrispondente a 2.922 su 3.000 789 1489 30%".
        #expect(first.hasSuffix("97,40% corrispondente a 2.922 su 3.000 789 1489 30,00%"))
        #expect(operational.contains("Risultato atteso al 30/6") && operational.contains("Risultato atteso al 31/12"))
    }

    @Test("every budget amount of every sheet is printed as the plan writes it")
    func everyBudgetAmount() throws {
        for entry in PlanIndex(plan, measures: false).entries {
            let id = "obiettivo-" + entry.key.lowercased().replacingOccurrences(of: ".", with: "-")
            let sheet = ReportTestSupport.text(try #require(ReportTestSupport.section(html, id: id, family: "obiettivo-")))
            for line in entry.sheet.budgetLines ?? [] {
                if let account = line.account { #expect(sheet.contains(ReportTestSupport.text(XMLText.escape(account))), "\(entry.key): account") }
                for amount in line.amounts {
                    // An amount the plan leaves blank prints as "—".
                    let printed = amount.amount.text.isEmpty ? "—" : ReportTestSupport.text(XMLText.escape(amount.amount.text))
                    #expect(sheet.contains(printed), "\(entry.key): \(amount.amount.text) (\(amount.year))")
                }
            }
        }
        for fact in plan.budgetFacts ?? [] {
            if let amount = fact.amount { #expect(text.contains(amount.text)) }
        }
    }

    @Test("the assignment table gives every manager's objectives, weights and computed total")
    func assignments() throws {
        let table = try #require(ReportTestSupport.section(html, id: "assegnazione", family: "pola"))
        let rows = table.components(separatedBy: "<tr").map(ReportTestSupport.text)
        let index = PlanIndex(plan)
        for assignment in try #require(plan.assignments) {
            for item in assignment.objectives {
                let entry = try #require(index.entry(item.objective))
                let label = entry.level == .strategic ? "Obiettivo strategico \(entry.key) \(entry.sheet.title)" : "\(entry.key) \(entry.sheet.title)"
                #expect(rows.contains { $0.hasSuffix("\(ReportTestSupport.text(XMLText.escape(label))) \(percent(item.weight))") }, "\(assignment.manager): \(item.objective)")
            }
            let total = assignment.objectives.reduce(0) { $0 + $1.weight }
            #expect(rows.contains { $0.contains("Totale") && $0.contains(plan.organization.managers.first { $0.id == assignment.manager }!.name) && $0.hasSuffix(percent(total)) })
        }
    }

    @Test("values copied from the seed's text appear in the generated Piano")
    func seedValues() {
        let seedValues = [
            // budget (righe 365, 385, 833, 913-914, 1003, 1730, 1767, 1801, 2021)
            "€ 7.487.995", "€ 1.947.057", "€ 7.377.376,52", "€ 4.739.598,16", "€ 292.058,55", "€ 42.058,55", "€ 50.000,00",
            "€ 1.171.568,59", "€ _____", "€ 36.975,00", "€ 498.977,22", "€ 73.614,27", "€ 31.939,60", "€ 180.900,00",
            // targets and baselines
            "1800 (totali nell'anno)", "1832 (totali nell'anno)", "97,40% corrispondente a 2.922 su 3.000", "80,77% corrispondente a 840 su 1.040",
            "Almeno il 70% dei voti oltre la media", "20% sulle neocostituite", "Nuova attività", "Studio di fattibilità, prototipo",
            "esame di un campione di almeno 8.000 istanze di test sul Quality Check", "Bozza nuovi articoli", "Definizione nuove prove",
            "100% visite ispettive (almeno 20) che coinvolgono altre autorità effettuate in modo congiunto", "-5,00%", "-10,00%", "30,00%",
            "Avvio con azioni specifiche", "Completamento del percorso", "2 iniziative", "1500 posizioni", "5 eventi",
            // assignment table (righe 2107-2145)
            "Totale Segretario Generale dr Massimo Ziletti 100,00%", "18,00%", "9,00%", "2,00%", "40,00%", "20,00%",
            // organization, scenario, participations
            "ing. Roberto Saccone", "Quaresmini Barabara", "Via Valverti, 16 - 25043 BRENO", "SPA IMMOBILIARE FIERA DI BRESCIA", "84,63%", "4,081%",
            "4.785,63 kmq", "1.255.437", "38.865,6 MLN di euro", "10.516.890", "117.391", "24.846", "56.851",
            "Missione 011 – Competitività e sviluppo delle imprese",
            // POLA
            "La dimensione del lavoro agile (anno 2020)", "N° ore totali di formazione 388", "N° dipendenti con e-mail personale tutti tutti",
            "Indagine di benessere organizzativo",
        ]
        for value in seedValues { #expect(text.contains(value), "«\(value)»") }
    }

    @Test("organs with their members, structure, staff, sites and participations come from the plan")
    func presentation() throws {
        let organization = plan.organization
        for organ in organization.organs ?? [] {
            #expect(text.contains(organ.name))
            for member in organ.members ?? [] { #expect(text.contains(member.name), "\(organ.id): \(member.name)") }
        }
        for unit in organization.units ?? [] { #expect(text.contains(unit.name), "\(unit.id)") }
        let staff = try #require(organization.staff)
        for category in staff.byCategory { #expect(text.contains("\(category.category) \(category.count)")) }
        #expect(text.contains("Totale \(staff.total)"))
        for site in organization.sites ?? [] {
            #expect(text.contains(site.name))
            if let address = site.address { #expect(text.contains(address)) }
        }
        for sector in organization.participations ?? [] {
            for company in sector.companies { #expect(text.contains("\(ReportTestSupport.text(XMLText.escape(company.name))) \(company.share)"), "\(company.name)") }
        }
        let scenario = try #require(plan.scenario)
        for figure in scenario.keyFigures { #expect(text.contains(figure.value)) }
        for row in scenario.enterprisesBySector?.rows ?? [] { #expect(text.contains("\(row.label) \(ItalianNumber.format(Double(row.count)))")) }
    }

    @Test("the POLA prints the monthly table, its chart, the technology and training tables, the programme and the rules")
    func agileWork() throws {
        let agile = try #require(plan.agileWork)
        let pola = try #require(html.range(of: "<section aria-labelledby=\"pola\"")).lowerBound
        let part = String(html[pola...])
        let partText = ReportTestSupport.text(part)
        let employees = agile.monthly.sorted { $0.month < $1.month }.map { ItalianNumber.format(Double($0.employees)) }.joined(separator: " ")
        #expect(partText.contains("N° dipendenti totali \(employees)"))
        let days = agile.monthly.sorted { $0.month < $1.month }.map { ItalianNumber.format(Double($0.agileDaysInMonth)) }.joined(separator: " ")
        #expect(partText.contains("N° di giornate in lavoro agile svolte complessivamente nel mese \(days)"))
        #expect(part.contains("<svg") && part.contains("Lavoro agile nel 2020"))
        for row in (agile.technology?.rows ?? []) + (agile.training?.rows ?? []) {
            #expect(partText.contains(ReportTestSupport.text(XMLText.escape(row.label)) + " " + row.values.joined(separator: " ")))
        }
        for item in agile.programme ?? [] { #expect(partText.contains(item.item)) }
        for condition in agile.rules?.mealVoucherConditions ?? [] { #expect(partText.contains(condition)) }
        #expect(partText.contains("dalle 07:00 alle 21:00"))
    }

    @Test("the tree is drawn in both colourings, stacked to fit a page")
    func trees() throws {
        let pictures = html.components(separatedBy: "<svg").dropFirst().filter { $0.contains("Albero della performance") }
        #expect(pictures.count == 2)
        #expect(html.contains("Albero della performance per aree strategiche"))
        #expect(html.contains("Albero della performance per dirigente"))
        let wide = PerformanceTreeSVG(plan: plan, layout: .wide).render()
        let stacked = PerformanceTreeSVG(plan: plan, layout: .stacked).render()
        func width(_ svg: String) throws -> Double {
            let attribute = try #require(svg.range(of: "width=\"")).upperBound
            return try #require(Double(svg[attribute...].prefix { $0 != "\"" }))
        }
        #expect(try width(stacked) < 1_000)
        #expect(try width(stacked) < width(wide))
        for entry in PlanIndex(plan, measures: false).entries where entry.level != .agency { #expect(stacked.contains(">\(entry.key) ")) }
    }

    @Test("the page is self-contained, accessible HTML in Italian with a print stylesheet")
    func accessibleHTML() {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"it\">"))
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<link"))
        #expect(html.contains("@page {") && html.contains("size: A4;") && html.contains("counter(page)"))
        #expect(html.contains("@top-left { content: \"CCIAA di Brescia – Piano della Performance 2021-2023\""))
        let tables = html.components(separatedBy: "<table").count - 1
        #expect(tables > 100)
        #expect(html.components(separatedBy: "<caption").count - 1 == tables)
        #expect(!html.contains("<th>") && !html.contains("<th class"))
        for tag in ["table", "section", "tr", "ul", "ol", "figure", "svg"] {
            #expect(html.components(separatedBy: "<\(tag)").count == html.components(separatedBy: "</\(tag)>").count, "<\(tag)> balanced")
        }
    }

    @Test("plan texts cannot inject markup")
    func escaping() {
        var hostile = plan
        hostile.title = "Piano </style><script>alert(1)</script> \"x\""
        hostile.areas[0].objectives[0].title = "<img src=x onerror=alert(1)>"
        hostile.organization.shortName = "Ente \\ \" </style>"
        let page = PlanDocument(plan: hostile).render()
        #expect(!page.contains("<script>"))
        #expect(!page.contains("<img"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.components(separatedBy: "</style>").count == 2)
    }
}
