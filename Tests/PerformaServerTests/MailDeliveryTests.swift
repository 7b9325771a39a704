import Foundation
import Performa
@testable import PerformaServer
import PerformaStore
import Testing

/// E-mail end to end against a real SMTP server (aiosmtpd): the notices of a scheduled collection are enqueued
/// once, survive the mail server being down, leave when it is back, and are never sent twice, by one sender or two.
@Suite("Mail delivery", .serialized)
struct MailDeliveryTests {
    static let admin = AccessContext(organization: TestServer.organization, user: "test", role: .admin)
    static let checkpoint = Day.yearEnd(2022)
    /// The address in the notices. The application under test runs its own mail service too (no SMTP server, so it
    /// only enqueues), and it may enqueue a notice before the test's sender does: both must write the same links.
    static let publicURL = "https://performa.ente.example"
    static let sameAddress: @Sendable (inout ServerConfiguration) -> Void = { $0.publicURL = publicURL }

    static func service(_ store: SQLStore, port: Int, security: MailSettings.Security = .none, host: String = "127.0.0.1",
                        trusted: String? = nil) async throws -> MailService {
        MailService(notifier: Notifier(store: store, notices: MailNotices(pages: try await PageRenderer.load(), baseURL: publicURL),
                                       logger: TestServer.quietLogger),
                    settings: MailSettings(host: host, port: port, security: security, from: "Performa <performa@ente.example>", interval: 0.2,
                                           trustedCertificates: trusted),
                    logger: TestServer.quietLogger)
    }

    /// Opens the 31/12/2022 collection yesterday, closing in three days with a five-day reminder (both notices due).
    static func schedule(_ store: SQLStore) async throws {
        let today = Display.today()
        let campaign = try #require(try await store.campaigns(admin, planID: TestServer.planID).first { $0.checkpoint == checkpoint })
        _ = try await store.scheduleCampaign(admin, planID: TestServer.planID, checkpoint: checkpoint,
                                             CampaignSchedule(opensOn: today.adding(days: -1), closesOn: today.adding(days: 3), reminderDays: 5),
                                             expectedRowVersion: campaign.rowVersion)
    }

    @Test("collection notices wait while the mail server is down, leave when it is back, once, with two senders")
    func outageAndRecovery() async throws {
        let smtp = SMTPTestServer()
        try await TestServer.run(configure: Self.sameAddress) { _, store in
            try await Self.schedule(store)
            // One manager turns reminders off: they get the opening notice only.
            var quiet = try #require(try await store.users(Self.admin).first { $0.username == "ziletti" })
            quiet.reminders = false
            _ = try await store.updateUser(Self.admin, quiet, newPasswordHash: nil)

            let sender = try await Self.service(store, port: smtp.port)
            await sender.pass(now: Date())
            let waiting = try await store.outbox(Self.admin, limit: 1000)
            #expect(!waiting.isEmpty)
            #expect(waiting.allSatisfy { $0.sentAt == nil && $0.attempts == 1 && $0.lastError?.contains("non raggiungibile") == true })
            let opening = waiting.filter { $0.mail.kind == "campaign-open" }
            let reminders = waiting.filter { $0.mail.kind == "campaign-reminder" }
            #expect(opening.contains { $0.mail.recipientUser == quiet.id })
            #expect(!reminders.contains { $0.mail.recipientUser == quiet.id })
            #expect(!reminders.isEmpty)

            try await smtp.start()
            try await Task.sleep(for: .milliseconds(400))   // past the first retry delay (0,2 s)
            let second = try await Self.service(store, port: smtp.port)
            async let one: Void = sender.pass(now: Date())
            async let two: Void = second.pass(now: Date())
            _ = await (one, two)
            await sender.pass(now: Date())
            let settled = try await store.outbox(Self.admin, limit: 1000)
            #expect(settled.count == waiting.count)
            #expect(settled.allSatisfy { $0.sentAt != nil && $0.lastError == nil })

            let received = try smtp.messages()
            #expect(received.count == waiting.count)
            #expect(Set(received.map(\.messageID)).count == received.count, "un messaggio è arrivato due volte")
            let notice = try #require(received.first { $0.to.contains(quiet.email ?? "-") })
            #expect(notice.subject == "Performa: aperta la rilevazione al 31/12/2022")
            #expect(notice.body.contains("Gentile \(quiet.displayName)"))
            #expect(notice.body.contains("https://performa.ente.example/piani/\(TestServer.planID)/rilevazioni?scadenza=2022-12-31"))
            let reminder = try #require(received.first { $0.subject.hasPrefix("Performa: la rilevazione al 31/12/2022 chiude il") })
            #expect(reminder.body.contains("Mancano ancora i valori di"))

            // Later passes, of either sender, find nothing new to enqueue or to send.
            await sender.pass(now: Date())
            await second.pass(now: Date())
            #expect(try smtp.messages().count == received.count)
            #expect(try await store.outbox(Self.admin, limit: 1000).count == waiting.count)
        }
        await smtp.stop()
    }

    @Test("a refused recipient is not retried; a collection without a schedule sends nothing")
    func refusalsAndSilence() async throws {
        let smtp = SMTPTestServer()
        try await smtp.start()
        try await TestServer.run(configure: Self.sameAddress) { _, store in
            let sender = try await Self.service(store, port: smtp.port)
            await sender.pass(now: Date())
            #expect(try await store.outbox(Self.admin, limit: 10).isEmpty)
            try await store.enqueueMail(Self.admin, [OutgoingMail(id: "x", kind: "prova", recipientUser: nil, recipient: "non un indirizzo",
                                                                   subject: "Prova", body: "Testo")])
            await sender.pass(now: Date())
            let refused = try #require(try await store.outbox(Self.admin, limit: 10).first)
            #expect(refused.sentAt == nil && refused.lastError?.hasPrefix("rifiutato, non sarà ritentato") == true)
            #expect(refused.nextAttemptAt > Date().addingTimeInterval(365 * 86_400))
            #expect(try smtp.messages().isEmpty)
        }
        await smtp.stop()
    }

    @Test("STARTTLS: the message goes over TLS to a server whose certificate is trusted, and not to one that is not")
    func startTLS() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cert = folder.appendingPathComponent("cert.pem").path, key = folder.appendingPathComponent("key.pem").path
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
                             "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        await SMTPTestServer.waitForExit(openssl)
        try #require(openssl.terminationStatus == 0)
        let smtp = SMTPTestServer()
        try await smtp.start(certificate: (cert, key))
        try await TestServer.run(configure: Self.sameAddress) { _, store in
            try await store.enqueueMail(Self.admin, [OutgoingMail(id: "tls", kind: "prova", recipientUser: nil, recipient: "oiv@ente.example",
                                                                   subject: "Prova cifrata è così", body: "Testo riservato")])
            let untrusting = try await Self.service(store, port: smtp.port, security: .starttls, host: "localhost")
            await untrusting.pass(now: Date())
            #expect(try await store.outbox(Self.admin, limit: 1).first?.sentAt == nil)
            #expect(try smtp.messages().isEmpty)
            try await Task.sleep(for: .milliseconds(400))
            let trusting = try await Self.service(store, port: smtp.port, security: .starttls, host: "localhost", trusted: cert)
            await trusting.pass(now: Date())
            #expect(try await store.outbox(Self.admin, limit: 1).first?.sentAt != nil)
            let received = try smtp.messages()
            #expect(received.map(\.subject) == ["Prova cifrata è così"])
            #expect(received.first?.body == "Testo riservato")
        }
        await smtp.stop()
    }
}
