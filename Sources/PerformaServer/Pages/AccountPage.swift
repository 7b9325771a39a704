import Foundation
import Hummingbird
import PerformaStore

/// *Il mio profilo*: every signed-in user sees who they are and changes their own password. The current password is
/// asked first (under the login throttle, so a stolen session cannot guess it at leisure), the password rules are
/// the ones of `performa user`, and a change ends every session of the user — whoever had the old password loses
/// access — then opens a new one for this browser, so the user stays signed in here.
struct AccountPage: Sendable {
    let app: WebApp

    static let path = "/profilo"
    static let passwordPath = "/profilo/password"
    static let remindersPath = "/profilo/promemoria"

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(Self.path), use: show)
        router.post(RouterPath(Self.passwordPath), use: changePassword)
        router.post(RouterPath(Self.remindersPath), use: changeReminders)
    }

    @Sendable func show(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let notices: [Notice] = switch request.uri.queryParameters.get("esito") {
        case "password-cambiata": [.success("Password cambiata. Le altre sessioni aperte con questo utente sono state chiuse.")]
        case "promemoria-attivi": [.success("Promemoria attivati: riceverà un avviso prima della chiusura delle rilevazioni in cui mancano Suoi valori.")]
        case "promemoria-disattivati": [.success("Promemoria disattivati. Gli avvisi di apertura delle rilevazioni e di correzione dell'OIV continuano ad arrivare.")]
        default: []
        }
        return try await render(user, context: context, errors: [:], notices: notices)
    }

    /// Turns the user's own reminders on or off.
    @Sendable func changeReminders(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormInput.read(request, context: context)
        var changed = try await app.store.user(user.context, id: user.user.id)
        changed.reminders = form.text("promemoria") == "si"
        _ = try await app.store.updateUser(user.context, changed, newPasswordHash: nil)
        return .seeOther(Self.path + "?esito=" + (changed.reminders ? "promemoria-attivi" : "promemoria-disattivati"))
    }

    @Sendable func changePassword(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormInput.read(request, context: context)
        let current = form.fields["attuale"]?.first ?? ""
        let new = form.fields["nuova"]?.first ?? ""
        let repeated = form.fields["conferma"]?.first ?? ""
        var errors: [String: String] = [:]
        let problems = PasswordPolicy.problems(password: new, username: user.user.username)
        if current.isEmpty { errors["attuale"] = "Indicare la password attuale." }
        if new.isEmpty {
            errors["nuova"] = "Indicare la nuova password."
        } else if !problems.isEmpty {
            errors["nuova"] = problems.joined(separator: " ")
        } else if new == current {
            errors["nuova"] = "La nuova password è uguale a quella attuale."
        }
        if !new.isEmpty && repeated != new { errors["conferma"] = "Le due password nuove non coincidono." }
        if errors.isEmpty {
            switch try await LoginAttempt(app: app).verify(organization: user.organization, username: user.user.username, password: current,
                                                          clientAddress: context.clientAddress, logger: context.logger) {
            case .verified: break
            case .refused(.tooManyRequests, let message, _): errors["attuale"] = message
            case .refused: errors["attuale"] = "La password attuale non è corretta."
            }
        }
        guard errors.isEmpty else { return try await render(user, context: context, errors: errors, status: .unprocessableContent) }
        let hash = try await app.hasher.hash(new)
        _ = try await app.store.updateUser(user.context, user.user, newPasswordHash: hash)
        _ = try await app.store.endSessions(user.context, userID: user.user.id)
        let session = try await app.store.createSession(user.context, expiresAt: Date().addingTimeInterval(app.configuration.sessionLifetime))
        context.logger.info("password cambiata", metadata: ["utente": "\(user.user.username)", "ente": "\(user.organization)"])
        var response = Response.seeOther(Self.path + "?esito=password-cambiata")
        response.setCookie(Cookie(name: SessionAuthenticator.cookieName, value: session.token, maxAge: Int(app.configuration.sessionLifetime), path: "/",
                                  secure: app.configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    private func render(_ user: SignedInUser, context: WebRequestContext, errors: [String: String], notices: [Notice] = [],
                        status: HTTPResponse.Status = .ok) async throws -> Response {
        let organization = try await app.store.organization(user.context)
        var facts = [AccountView.Fact(label: "Nome", value: user.user.displayName), AccountView.Fact(label: "Nome utente", value: user.user.username),
                     AccountView.Fact(label: "Ruolo", value: user.role.italian), AccountView.Fact(label: "Ente", value: organization.name)]
        if let email = user.user.email { facts.append(AccountView.Fact(label: "Posta elettronica", value: email)) }
        let fields = [
            AccountView.PasswordField(name: "attuale", label: "Password attuale", autocomplete: "current-password", error: errors["attuale"]),
            AccountView.PasswordField(name: "nuova", label: "Nuova password", autocomplete: "new-password", error: errors["nuova"],
                                      hint: "Almeno \(PasswordPolicy.minimumLength) caratteri, senza il nome utente, non tra le password più diffuse."),
            AccountView.PasswordField(name: "conferma", label: "Ripeti la nuova password", autocomplete: "new-password", error: errors["conferma"]),
        ]
        let summary = FormErrorSummary(fields.compactMap { field in field.error.map { FormErrorSummary.Item(message: "\(field.label): \($0)", href: "#campo-\(field.name)") } },
                                       outcome: "la password non è cambiata")
        let view = AccountView(page: PageChrome(title: "Il mio profilo", organization: organization.name, context: context, notices: notices),
                               facts: facts, fields: fields, action: Self.passwordPath, errorSummary: summary,
                               reminders: user.user.reminders, remindersAction: Self.remindersPath)
        return try app.pages.page("profilo", view, status: status)
    }
}
