import Foundation
import Hummingbird
import Performa
import PerformaStore

/// Users from the browser (struttura tecnica): the list with role, link, last login and state; a new user with a
/// temporary password shown once; changes of name, e-mail, role, manager link and state; a password reset. Every
/// change goes through `UserAccounts` (the checks of `performa user`) and is audited by the store.
struct UsersPage: Sendable {
    let app: WebApp

    static let path = "/utenti"
    static let newPath = "/utenti/nuovo"
    static func user(_ id: String) -> String { path + "/\(Paths.encode(id))" }
    static func reset(_ id: String) -> String { user(id) + "/password" }

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(Self.path), use: list)
        router.post(RouterPath(Self.path), use: create)
        router.get(RouterPath(Self.newPath), use: newForm)
        router.get(RouterPath(Self.path + "/:user"), use: edit)
        router.post(RouterPath(Self.path + "/:user"), use: save)
        router.post(RouterPath(Self.path + "/:user/password"), use: resetPassword)
    }

    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let admin = try context.requireUser(.manageUsers)
        let users = try await app.store.users(admin.context)
        var lastLogin: [String: Date] = [:]
        for entry in try await app.store.auditLog(admin.context, AuditQuery(entity: "session", limit: 10_000)) where entry.action == "login" {
            if lastLogin[entry.actor] == nil { lastLogin[entry.actor] = entry.at }
        }
        let organization = try await app.store.organization(admin.context)
        let view = UserListView(
            page: PageChrome(title: "Utenti", organization: organization.name, context: context, notices: Self.notices(request)),
            rows: users.map { user in
                UserListView.Row(username: user.username, name: user.displayName, href: Self.user(user.id), role: user.role.italian,
                                 link: user.managerID.map { "dirigente «\($0)»" } ?? "—", lastLogin: lastLogin[user.id].map(Display.moment) ?? "mai",
                                 active: user.active, demo: DemoData.isDemoAccount(user))
            },
            newHref: Self.newPath)
        return try app.pages.page("utenti", view)
    }

    @Sendable func newForm(_ request: Request, context: WebRequestContext) async throws -> Response {
        let admin = try context.requireUser(.manageUsers)
        return try await form(admin, context: context, user: nil, fields: Fields(role: .viewer))
    }

    @Sendable func create(_ request: Request, context: WebRequestContext) async throws -> Response {
        let admin = try context.requireUser(.manageUsers)
        let fields = Fields(try await FormInput.read(request, context: context))
        let password = UserAccounts.temporaryPassword(for: fields.username)
        if let problem = fields.fiscalCodeProblem { return try await form(admin, context: context, user: nil, fields: fields, error: problem) }
        do {
            let created = try await UserAccounts.add(app.store, context: admin.context, username: fields.username, displayName: fields.name, role: fields.role,
                                                     managerID: fields.manager, email: fields.email, password: password, cost: app.configuration.passwordCost)
            var shown = Fields(created)
            if let code = fields.fiscalCode {
                do {
                    try await app.store.setFiscalCode(admin.context, userID: created.id, fiscalCode: code)
                    shown.fiscalCode = code
                } catch let error as StoreError {
                    return try await form(admin, context: context, user: created, fields: shown, error: "Utente creato, ma \(error.description)",
                                          temporaryPassword: password)
                }
            }
            return try await form(admin, context: context, user: created, fields: shown, temporaryPassword: password,
                                  notices: [.success("Utente «\(created.username)» creato.")])
        } catch let error as StoreError {
            return try await form(admin, context: context, user: nil, fields: fields, error: error.description)
        }
    }

    @Sendable func edit(_ request: Request, context: WebRequestContext) async throws -> Response {
        let admin = try context.requireUser(.manageUsers)
        let user = try await app.store.user(admin.context, id: try context.parameters.require("user"))
        var fields = Fields(user)
        fields.fiscalCode = try await app.store.fiscalCode(admin.context, userID: user.id)
        return try await form(admin, context: context, user: user, fields: fields, notices: Self.notices(request))
    }

    @Sendable func save(_ request: Request, context: WebRequestContext) async throws -> Response {
        let admin = try context.requireUser(.manageUsers)
        let stored = try await app.store.user(admin.context, id: try context.parameters.require("user"))
        let input = try await FormInput.read(request, context: context)
        let fields = Fields(input)
        var changed = stored
        changed.displayName = fields.name
        changed.email = fields.email
        changed.role = fields.role
        changed.managerID = fields.role == .manager ? fields.manager : nil
        changed.active = input.optional("attivo") == "si"
        changed.rowVersion = Int(input.text("versione")) ?? -1
        do {
            if let problem = fields.fiscalCodeProblem { return try await form(admin, context: context, user: stored, fields: fields, error: problem) }
            let saved = try await UserAccounts.update(app.store, context: admin.context, changed)
            if fields.fiscalCode != (try await app.store.fiscalCode(admin.context, userID: stored.id)) {
                try await app.store.setFiscalCode(admin.context, userID: stored.id, fiscalCode: fields.fiscalCode)
            }
            if stored.active && !saved.active { _ = try await app.store.endSessions(admin.context, userID: saved.id) }
            return .seeOther(Self.user(saved.id) + "?esito=utente-salvato")
        } catch let error as StoreError {
            return try await form(admin, context: context, user: stored, fields: fields, error: error.description)
        }
    }

    @Sendable func resetPassword(_ request: Request, context: WebRequestContext) async throws -> Response {
        let admin = try context.requireUser(.manageUsers)
        var user = try await app.store.user(admin.context, id: try context.parameters.require("user"))
        let input = try await FormInput.read(request, context: context)
        user.rowVersion = Int(input.text("versione")) ?? -1
        let (updated, password) = try await UserAccounts.resetPassword(app.store, context: admin.context, user, cost: app.configuration.passwordCost)
        context.logger.info("password temporanea generata", metadata: ["utente": "\(updated.username)", "da": "\(admin.user.username)"])
        return try await form(admin, context: context, user: updated, fields: Fields(updated), temporaryPassword: password,
                              notices: [.success("Nuova password temporanea per «\(updated.username)».")])
    }

    /// What the form holds, read from a request or from a stored user.
    struct Fields {
        var username = ""
        var name = ""
        var email: String?
        var role: Role
        var manager: String?
        var active = true
        var fiscalCode: String?

        /// Why the fiscal code typed cannot be stored, checked before anything is written; nil when it can (or is empty).
        var fiscalCodeProblem: String? {
            guard let fiscalCode, FiscalCode(fiscalCode) == nil else { return nil }
            return "Codice fiscale non valido: \(FiscalCode.problem(fiscalCode) ?? fiscalCode)."
        }

        init(role: Role) { self.role = role }

        init(_ user: StoredUser) {
            username = user.username
            name = user.displayName
            email = user.email
            role = user.role
            manager = user.managerID
            active = user.active
        }

        init(_ form: FormInput) {
            username = form.text("utente")
            name = form.text("nome")
            email = form.optional("email")
            role = Role(rawValue: form.text("ruolo")) ?? .viewer
            manager = form.optional("dirigente")
            fiscalCode = form.optional("codice-fiscale")?.uppercased()
        }
    }

    private func form(_ admin: SignedInUser, context: WebRequestContext, user: StoredUser?, fields: Fields, error: String? = nil,
                      temporaryPassword: String? = nil, notices: [Notice] = []) async throws -> Response {
        let organization = try await app.store.organization(admin.context)
        let managers = try await UserAccounts.managerIDs(app.store, admin.context).sorted()
        let view = UserFormView(
            page: PageChrome(title: user.map { "Utente «\($0.username)»" } ?? "Nuovo utente", organization: organization.name, context: context, notices: notices),
            heading: user.map { "Utente «\($0.username)»" } ?? "Nuovo utente",
            action: user.map { Self.user($0.id) } ?? Self.path, isNew: user == nil,
            username: fields.username, name: fields.name, email: fields.email ?? "", fiscalCode: fields.fiscalCode ?? "",
            roles: Role.allCases.map { UserFormView.Option(value: $0.rawValue, label: $0.italian, selected: $0 == fields.role) },
            managers: managers.map { UserFormView.Option(value: $0, label: $0, selected: $0 == fields.manager) },
            active: fields.active, version: user.map { String($0.rowVersion) } ?? "",
            resetAction: user.map { Self.reset($0.id) }, temporaryPassword: temporaryPassword,
            errorSummary: FormErrorSummary(error.map { [FormErrorSummary.Item(message: $0, href: nil)] } ?? []),
            listHref: Self.path)
        var response = try app.pages.page("utente", view, status: error == nil ? .ok : .unprocessableContent)
        // A temporary password must not stay in a cache or the browser's history of pages.
        if temporaryPassword != nil { response.headers[.cacheControl] = "no-store" }
        return response
    }

    private static func notices(_ request: Request) -> [Notice] {
        request.uri.queryParameters.get("esito") == "utente-salvato" ? [.success("Modifiche salvate.")] : []
    }
}
