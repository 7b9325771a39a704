import Foundation
import Hummingbird
import Performa
import PerformaFormats
import PerformaReports

/// Documenti: every document and data file of a plan, downloadable from the page — the Piano, the Relazione sulla
/// Performance, the Monitoraggio al 30/6 (print-ready HTML, PDF from the browser's print), the plan as YAML, JSON
/// and spreadsheet, the scorecard as CSV and JSON, and the open-data tables with their documented headers.
struct DocumentPages: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get("/piani/:plan/documenti", use: list)
        router.get("/piani/:plan/documenti/:file", use: file)
        router.get("/piani/:plan/documenti/opendata/:file", use: openData)
    }

    /// The list of documents.
    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let id = snapshot.id
        let year = snapshot.plan.year
        func link(_ name: String, _ title: String, _ detail: String) -> DocumentsView.Link {
            DocumentsView.Link(title: title, href: Paths.document(id, name), detail: detail)
        }
        let tables = OpenDataExport.tables(plan: snapshot.plan, scorecard: snapshot.scorecard(at: .yearEnd(year)))
        let view = DocumentsView(
            page: PageChrome(title: "Documenti", section: .documents, plan: snapshot.stored, context: context),
            documents: [
                link("piano.html", "Piano della Performance", "Documento completo: indice, albero, schede obiettivo, assegnazioni ai dirigenti, POLA."),
                link("relazione.html", "Relazione sulla Performance \(year)", "Risultati al 31/12/\(year) con scostamenti, validazioni OIV, dirigenti e rilievi."),
                link("monitoraggio.html", "Monitoraggio intermedio al 30/6/\(year)", "Valori al 30/6 e indicatori a rischio per il 31/12."),
            ] + (snapshot.plan.piao == nil ? [] : [
                link("piao.html", "PIAO \(snapshot.plan.piao?.span?.from ?? snapshot.plan.span.from)-\(snapshot.plan.piao?.span?.to ?? snapshot.plan.span.to)",
                     "Piano Integrato di Attività e Organizzazione: scheda anagrafica, valore pubblico, performance, rischi corruttivi, organizzazione, monitoraggio."),
            ]),
            data: [
                link("piano.yaml", "Piano (YAML)", "Il file del piano nel formato di Performa (docs/plan-format.md)."),
                link("piano.json", "Piano (JSON)", "Lo stesso contenuto in JSON."),
                link("piano.xlsx", "Piano (foglio di calcolo)", "Obiettivi, indicatori, risorse e assegnazioni in un file XLSX."),
                link("risultati.yaml", "Rilevazioni (YAML)", "Valori, neutralizzazioni e validazioni OIV nel formato dei file dei risultati."),
                link("punteggi.csv", "Punteggi al 31/12/\(year) (CSV)", "Ogni indicatore, obiettivo, area, dirigente con il grado di raggiungimento."),
                link("punteggi.json", "Punteggi al 31/12/\(year) (JSON)", "Gli stessi dati in JSON."),
            ] + (snapshot.plan.piao?.risks == nil ? [] : [
                link("rischi.xlsx", "PIAO 2.3 – registro dei rischi (foglio di calcolo)", "Processi, eventi rischiosi con la valutazione, misure con il monitoraggio, obblighi di trasparenza."),
            ]) + (snapshot.plan.piao?.staffing == nil ? [] : [
                link("fabbisogni.xlsx", "PIAO 3.3 – fabbisogni di personale (foglio di calcolo)", "Personale per categoria, cessazioni e assunzioni, proiezione, capacità assunzionale, formazione."),
            ]),
            openData: tables.flatMap { table in
                [DocumentsView.Link(title: "\(table.name).csv", href: Paths.documents(id) + "/opendata/\(Paths.encode(table.name)).csv",
                                    detail: table.columns.map(\.name).joined(separator: ", ")),
                 DocumentsView.Link(title: "\(table.name).json", href: Paths.documents(id) + "/opendata/\(Paths.encode(table.name)).json", detail: nil)]
            })
        return try app.pages.page("documenti", view)
    }

    /// One document or data file (`?scarica=1` as an attachment).
    @Sendable func file(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let name = try context.parameters.require("file")
        // `?versione=N`: the Piano as it was in an earlier version (from the plan's list of versions).
        let version = try PlanVersionQuery.parse(request.uri.queryParameters.get("versione"), parameter: "versione")
        var plan = snapshot.plan
        if let version { plan = try await app.store.plan(user.context, id: snapshot.id, version: version).plan }
        let year = Int(request.uri.queryParameters.get("anno") ?? "") .flatMap { plan.span.years.contains($0) ? $0 : nil } ?? plan.year
        let download = request.uri.queryParameters.get("scarica") == "1"
        /// `cciaa-brescia-2021-2023-relazione-2021-2026-12-04.html`: which plan, what, and the day it was taken.
        func fileName(_ what: String, _ fileExtension: String) -> String {
            "\(snapshot.id)-\(what)\(version.map { "-versione-\($0)" } ?? "")-\(Display.today()).\(fileExtension)"
        }
        switch name {
        case "piano.html":
            return Self.document(PlanDocument(plan: plan).render(), name: fileName("piano", "html"), download: download)
        case "relazione.html":
            return Self.document(PerformanceReport(plan: plan, results: snapshot.results, year: year).render(), name: fileName("relazione-\(year)", "html"), download: download)
        case "monitoraggio.html":
            return Self.document(MidYearReport(plan: plan, results: snapshot.results, year: year).render(), name: fileName("monitoraggio-\(year)", "html"), download: download)
        case "piao.html" where plan.piao != nil:
            let document = PIAODocument(plan: plan, results: snapshot.results, checkpoint: .yearEnd(year))
            return Self.document(document.render(), name: fileName("piao", "html"), download: download)
        case "piano.yaml":
            return Self.data(try PlanFile.yaml(plan), type: "application/yaml; charset=utf-8", name: fileName("piano", "yaml"))
        case "piano.json":
            return Self.data(try PlanFile.json(plan), type: "application/json; charset=utf-8", name: fileName("piano", "json"))
        case "piano.xlsx":
            let data = try XLSXWriter.data(PlanSheetExport.tables(plan))
            return Self.binary(data, type: Self.xlsx, name: fileName("piano", "xlsx"))
        case "rischi.xlsx" where plan.piao?.risks != nil:
            return Self.binary(try XLSXWriter.data(PIAOSheets.riskRegister(plan)), type: Self.xlsx, name: fileName("rischi", "xlsx"))
        case "fabbisogni.xlsx" where plan.piao?.staffing != nil:
            return Self.binary(try XLSXWriter.data(PIAOSheets.staffing(plan)), type: Self.xlsx, name: fileName("fabbisogni", "xlsx"))
        case "risultati.yaml":
            // The results file carries every revision (the snapshot holds the current values only).
            let history = try await app.store.results(user.context, planID: snapshot.id)
            return Self.data(try ResultsFile.yaml(history), type: "application/yaml; charset=utf-8", name: fileName("risultati", "yaml"))
        case "punteggi.csv":
            let checkpoint = snapshot.checkpoint(scadenza: request.uri.queryParameters.get("scadenza"), anno: nil, periodo: nil)
            return Self.data(ScorecardRows.csv(snapshot.scorecard(at: checkpoint)), type: "text/csv; charset=utf-8", name: fileName("punteggi-\(checkpoint)", "csv"))
        case "punteggi.json":
            let checkpoint = snapshot.checkpoint(scadenza: request.uri.queryParameters.get("scadenza"), anno: nil, periodo: nil)
            // A file for people: indented, as `performa score --format json` writes it.
            return Self.data(try ScorecardDocument(snapshot.scorecard(at: checkpoint)).json(), type: "application/json; charset=utf-8",
                             name: fileName("punteggi-\(checkpoint)", "json"))
        default:
            throw HTTPError(.notFound, message: "Documento «\(name)» non disponibile.")
        }
    }

    /// An open-data table as CSV or JSON.
    @Sendable func openData(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let snapshot = try await app.snapshot(user, planID: try context.parameters.require("plan"))
        let file = try context.parameters.require("file")
        let tables = OpenDataExport.tables(plan: snapshot.plan, scorecard: snapshot.scorecard(at: .yearEnd(snapshot.plan.year)))
        for table in tables {
            let name = "\(snapshot.id)-\(file)"
            if file == "\(table.name).csv" { return Self.data(table.csv, type: "text/csv; charset=utf-8", name: name) }
            if file == "\(table.name).json" { return Self.data(table.json, type: "application/json; charset=utf-8", name: name) }
        }
        throw HTTPError(.notFound, message: "Tabella di dati aperti «\(file)» non disponibile.")
    }

    /// A printable document: its stylesheet is inline, so it gets the document policy (no scripts at all).
    static func document(_ html: String, name: String, download: Bool) -> Response {
        var headers: HTTPFields = [.contentSecurityPolicy: SecurityHeaders.documentPolicy]
        if download { headers[.contentDisposition] = "attachment; filename=\"\(name)\"" }
        return Response.html(html, headers: headers)
    }

    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func data(_ text: String, type: String, name: String) -> Response {
        binary(Data(text.utf8), type: type, name: name)
    }

    static func binary(_ data: Data, type: String, name: String) -> Response {
        attachment(ByteBuffer(bytes: data), type: type, name: name)
    }

    static func attachment(_ bytes: ByteBuffer, type: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: bytes))
    }
}
