import Foundation
import Hummingbird
import Logging
import PerformaStore

/// One login attempt, shared by the login form and the API: throttled per account and per address (a place reserved
/// before the password check, so that the limit holds for attempts sent at once), bcrypt off the
/// event loop, demo users refused outside demo mode, and a session opened in the store on success.
struct LoginAttempt {
    enum Outcome {
        case signedIn(SessionToken, StoredUser)
        case refused(HTTPResponse.Status, String, retryAfter: Int?)
    }

    let app: WebApp

    /// What checking a password gave: the user, or why not (the throttle's wait included).
    enum Verification {
        case verified(StoredUser)
        case refused(HTTPResponse.Status, String, retryAfter: Int?)
    }

    func run(organization: String, username: String, password: String, clientAddress: String?, logger: Logger) async throws -> Outcome {
        guard app.configuration.localPasswordsAllowed else {
            return .refused(.forbidden, "L'accesso con password è disattivato: accedere con \(app.configuration.singleSignOn?.providerName ?? "l'accesso unico").", retryAfter: nil)
        }
        let user: StoredUser
        switch try await verify(organization: organization, username: username, password: password, clientAddress: clientAddress, logger: logger) {
        case .verified(let verified): user = verified
        case .refused(let status, let message, let wait): return .refused(status, message, retryAfter: wait)
        }
        return try await open(user, logger: logger)
    }

    /// Opens the session of a user whose identity is proven (by password, or by single sign-on): demo users only
    /// in demo mode; the session is created (and audited) in the store.
    func open(_ user: StoredUser, logger: Logger) async throws -> Outcome {
        if DemoData.isDemoAccount(user) && !app.configuration.demo {
            return .refused(.forbidden, "Gli utenti dimostrativi possono accedere solo quando il server è avviato con «performa serve --demo».", retryAfter: nil)
        }
        let session = try await app.store.createSession(user.context, expiresAt: Date().addingTimeInterval(app.configuration.sessionLifetime))
        logger.info("accesso", metadata: ["utente": "\(user.username)", "ente": "\(user.organization)", "ruolo": "\(user.role.rawValue)"])
        return .signedIn(session, user)
    }

    /// Checks a user's password under the throttle (the login, and the current password asked before changing it).
    func verify(organization: String, username: String, password: String, clientAddress: String?, logger: Logger) async throws -> Verification {
        let accountKey = "conto:\(organization)/\(username.lowercased())"
        let keys = [accountKey] + (clientAddress.map { ["indirizzo:\($0)"] } ?? [])
        let ticket: LoginThrottle.Ticket
        switch await app.throttle.admit(keys) {
        case .admitted(let admitted):
            ticket = admitted
        case .wait(let wait):
            let minutes = max(1, (wait + 59) / 60)
            return .refused(.tooManyRequests, "Troppi tentativi di accesso non riusciti. Riprovare tra \(minutes) minut\(minutes == 1 ? "o" : "i").", retryAfter: wait)
        }
        guard !organization.isEmpty, !username.isEmpty, !password.isEmpty else {
            await app.throttle.abandon(ticket)
            return .refused(.unprocessableContent, "Indicare ente, nome utente e password.", retryAfter: nil)
        }
        // An unknown organization or a malformed name is the same as a wrong password: nothing is revealed.
        let credentials = try? await app.store.credentials(organization: organization, username: username)
        let verified: Bool
        do {
            verified = try await app.hasher.verify(password, against: credentials?.passwordHash)
        } catch {
            await app.throttle.abandon(ticket)
            throw error
        }
        guard verified, let user = credentials?.user else {
            await app.throttle.recordFailure(ticket)
            logger.info("accesso non riuscito", metadata: ["utente": "\(username)", "ente": "\(organization)"])
            return .refused(.unauthorized, "Nome utente o password non corretti.", retryAfter: nil)
        }
        await app.throttle.recordSuccess(ticket, account: accountKey)
        return .verified(user)
    }
}
