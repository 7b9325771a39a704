import Foundation
import Hummingbird
import Performa
import PerformaStore

/// *Posta in uscita* (struttura tecnica): the newest notices with their state — sent, waiting for the next attempt
/// and why the last one failed, or refused for good — and whether a mail server is configured at all.
struct OutboxPage: Sendable {
    let app: WebApp

    static let path = "/posta"
    static let pageSize = 200

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(Self.path), use: show)
    }

    @Sendable func show(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser(.manageUsers)
        let messages = try await app.store.outbox(user.context, limit: Self.pageSize)
        let organization = try await app.store.organization(user.context)
        let server = app.configuration.mail.map { settings in
            let security = switch settings.security { case .none: "senza cifratura"; case .starttls: "STARTTLS"; case .tls: "TLS" }
            return "\(settings.host):\(settings.port) (\(security)), controllo ogni \(ItalianNumber.format(settings.interval, fractionDigits: 1)) secondi"
        }
        let view = OutboxView(
            page: PageChrome(title: "Posta in uscita", organization: organization.name, context: context),
            server: server,
            messages: messages.map { queued in
                let state: String
                if let sent = queued.sentAt {
                    state = "inviato il \(Display.moment(sent))"
                } else if queued.isRefused {
                    state = "non inviato: rifiutato"
                } else if queued.attempts == 0 {
                    state = "in coda"
                } else {
                    state = "da ritentare dal \(Display.moment(queued.nextAttemptAt)) (tentativi: \(queued.attempts))"
                }
                return OutboxView.Message(when: Display.moment(queued.createdAt), kind: OutboxView.kinds[queued.mail.kind] ?? queued.mail.kind,
                                          recipient: queued.mail.recipient, subject: queued.mail.subject, state: state, sent: queued.sentAt != nil,
                                          error: queued.lastError)
            },
            hasMessages: !messages.isEmpty)
        return try app.pages.page("posta", view)
    }
}

struct OutboxView: Sendable {
    struct Message: Sendable {
        var when: String
        var kind: String
        var recipient: String
        var subject: String
        var state: String
        var sent: Bool
        var error: String?
    }

    static let kinds = [
        "campaign-open": "apertura della rilevazione", "campaign-reminder": "promemoria", "override": "correzione dell'OIV",
        "appraisal": "valutazione individuale",
    ]

    var page: PageChrome
    /// The mail server in words; nil when none is configured.
    var server: String?
    var messages: [Message]
    var hasMessages: Bool
}
