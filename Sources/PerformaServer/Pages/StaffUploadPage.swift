import Foundation
import Hummingbird
import Performa
import PerformaFormats
import PerformaStore

/// The staff of a year uploaded from the browser (ufficio personale, struttura tecnica): the people table as CSV or
/// XLSX (the format of `performa people`), read and shown first — how many, who is added, who leaves — then stored
/// on confirmation, all or nothing, with the evaluators resolved from the units of the year's plan.
struct StaffUploadPage: Sendable {
    let app: WebApp

    static let path = Paths.appraisalCampaign + "/personale"
    static let confirmPath = path + "/conferma"

    func addRoutes(to router: Router<WebRequestContext>) {
        router.post(RouterPath(Self.path), use: preview)
        router.post(RouterPath(Self.confirmPath), use: confirm)
    }

    @Sendable func preview(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser(.manageStaff)
        let input = try await FormInput.read(request, context: context)
        let year = try AppraisalSnapshot.year(input.text("anno"))
        guard let file = input.file("file"), !file.fileName.isEmpty, !file.data.isEmpty else {
            throw HTTPError(.unprocessableContent, message: "Scegliere il file del personale (CSV o XLSX). Nulla è stato caricato.")
        }
        let people = try read(file.data, fileName: file.fileName)
        let current = Set(try await app.store.people(user.context, year: year).map(\.person.id))
        let incoming = Set(people.map(\.id))
        let organization = try await app.store.organization(user.context)
        let view = StaffUploadView(
            page: PageChrome(title: "Personale \(year): anteprima", organization: organization.name, context: context),
            year: String(year), fileName: file.fileName, summary: PeopleFile.summary(people),
            added: String(incoming.subtracting(current).count), removed: String(current.subtracting(incoming).count),
            kept: String(incoming.intersection(current).count),
            people: people.prefix(StaffUploadView.shown).map { StaffUploadView.Person(id: $0.id, name: $0.name, category: $0.category.italian, unit: $0.unit) },
            more: people.count > StaffUploadView.shown ? String(people.count - StaffUploadView.shown) : nil,
            payload: file.data.base64EncodedString(), action: Self.confirmPath, cancelHref: Paths.year(Paths.appraisalCampaign, year))
        return try app.pages.page("personale-anteprima", view)
    }

    @Sendable func confirm(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser(.manageStaff)
        let input = try await FormInput.read(request, context: context)
        let year = try AppraisalSnapshot.year(input.text("anno"))
        guard let data = Data(base64Encoded: input.text("contenuto")), !data.isEmpty else {
            throw HTTPError(.unprocessableContent, message: "Il contenuto del file non è arrivato intero: caricarlo di nuovo. Nulla è stato caricato.")
        }
        let people = try read(data, fileName: input.text("nome"))
        let organization = try await app.store.staffOrganization(user.context, year: year)
        let stored = try await app.store.replacePeople(user.context, year: year, people, organization: organization)
        context.logger.info("personale caricato", metadata: ["anno": "\(year)", "persone": "\(stored.count)"])
        return .seeOther(Paths.year(Paths.appraisalCampaign, year) + "&esito=\(Outcomes.staffUploaded.rawValue)")
    }

    /// The people of the file, or a 422 with the reader's message (row and column).
    private func read(_ data: Data, fileName: String) throws -> [Person] {
        guard data.count <= UploadedPlanFile.maximumBytes else {
            throw HTTPError(.contentTooLarge, message: "Il file «\(fileName)» è troppo grande. Nulla è stato caricato.")
        }
        do {
            return try PeopleFile.read(data, fileName: fileName)
        } catch {
            throw HTTPError(.unprocessableContent, message: "\(error) Nulla è stato caricato.")
        }
    }
}

struct StaffUploadView: Sendable {
    struct Person: Sendable {
        var id: String
        var name: String
        var category: String
        var unit: String
    }

    static let shown = 30

    var page: PageChrome
    var year: String
    var fileName: String
    var summary: String
    var added: String
    var removed: String
    var kept: String
    var people: [Person]
    var more: String?
    var payload: String
    var action: String
    var cancelHref: String
}
