import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import PerformaServer
import PerformaStore
import Synchronization
import Testing

/// Everything logged through one `Logger`, rendered as text (level, message, metadata, error), at every level.
/// The logger is handed to the store and the application: swift-log's global bootstrap is left alone.
final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        var logger = Logger(label: "performa.test") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    var text: [String] { lines.withLock { $0 } }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    struct Handler: LogHandler {
        let capture: LogCapture
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider?

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let error = event.error.map { " errore=\(String(reflecting: $0))" } ?? ""
            capture.append("\(event.level) \(event.message) \(all.joined(separator: " "))\(error)")
        }
    }
}

@Suite("Secrets never reach the log")
struct SecretLoggingTests {
    @Test("passwords, session, CSRF and bearer tokens are never logged; failed logins are, without the password")
    func webSecrets() async throws {
        let capture = LogCapture()
        let wrongPassword = "Sbagliata-e-segreta-731"
        let secrets = try await TestServer.run(logger: capture.logger) { client, _ in
            var browser = TestBrowser(client)
            #expect(try await browser.login(DemoUser.admin, password: wrongPassword).status == .unauthorized)
            #expect(try await browser.login(DemoUser.admin).status == .seeOther)
            let session = try #require(browser.cookies[SessionAuthenticator.cookieName])
            // A form with the CSRF token, and one with a forged token (refused, and logged as a refusal).
            #expect(try await browser.post(Paths.campaign(TestServer.planID, .midYear(2021)), [("azione", "chiudi"), ("versione", "0")]).status == .seeOther)
            let forged = RandomToken.make()
            #expect(try await browser.post(Paths.logout, [(CSRFCookie.fieldName, forged)], csrf: false).status == .forbidden)
            // The API with a bearer token, then closed.
            let bearer = try await PermissionTests.openAPISession(client, username: DemoUser.manager)
            let headers: HTTPFields = [.authorization: "Bearer \(bearer)"]
            #expect(try await client.execute(uri: "/api/plans", method: .get, headers: headers).status == .ok)
            #expect(try await client.execute(uri: "/api/session", method: .delete, headers: headers).status == .noContent)
            // A token that is no longer a session, and an unknown one, are refused (and their refusal may be logged).
            #expect(try await client.execute(uri: "/api/plans", method: .get, headers: headers).status == .unauthorized)
            #expect(try await client.execute(uri: "/api/plans", method: .get, headers: [.authorization: "Bearer x.\(forged)"]).status == .unauthorized)
            return [wrongPassword, "demo-\(DemoUser.admin)", "demo-\(DemoUser.manager)", session, browser.csrf, forged, bearer,
                    Self.secretPart(session), Self.secretPart(bearer)]
        }
        let log = capture.text
        #expect(log.count > 10, "the test saw the log")
        for line in log {
            for secret in secrets { #expect(!line.contains(secret), "segreto nel log: \(line)") }
        }
        let failures = log.filter { $0.contains("accesso non riuscito") }
        #expect(failures.count == 1)
        #expect(failures.first?.contains("utente=\(DemoUser.admin)") == true, "the failed login names the account")
        #expect(log.contains { $0.contains("richiesta rifiutata") && $0.contains("stato=403") })
    }

    @Test("a database URL's password is masked wherever it is printed, and absent from the log of a failed connection")
    func databasePassword() async throws {
        let password = "Segreto-del-DB-9041"
        let url = try DatabaseURL(parsing: "postgres://performa:\(password)@127.0.0.1:1/performa")
        #expect(!url.description.contains(password))
        #expect(url.description.contains("***"))
        #expect(!"\(url)".contains(password))
        let capture = LogCapture()
        // Nothing listens on port 1: the launcher fails and says so, without the password.
        let outcome: String
        do {
            try await StoreLauncher.withStore(url, logger: capture.logger) { _ in }
            outcome = "aperto"
        } catch {
            outcome = "\(error) \(String(reflecting: error))"
        }
        #expect(outcome != "aperto")
        #expect(!outcome.contains(password), "the error names the password: \(outcome)")
        for line in capture.text { #expect(!line.contains(password), "password nel log: \(line)") }
    }

    /// The part of `ORGANIZATION.SECRET` that is the secret.
    static func secretPart(_ token: String) -> String {
        String(token.split(separator: ".").last ?? "")
    }
}
