import Foundation
import NIOCore
import NIOExtras
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321) on SwiftNIO: one connection per batch of messages, EHLO, STARTTLS or TLS from the
/// start, AUTH PLAIN, then MAIL/RCPT/DATA per message. Hand-written because no SMTP package is among those this
/// project may use; it does only what Performa's notices need (no attachments, no pipelining).
struct SMTPClient: Sendable {
    let settings: MailSettings
    var eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    var timeout: TimeAmount = .seconds(30)

    /// Opens a connection, runs `body` with it and says goodbye (QUIT), whatever `body` does.
    func withSession<T: Sendable>(_ body: (SMTPSession) async throws -> T) async throws -> T {
        let tls = try settings.security == .none ? nil : makeTLSContext()
        let channel = try await ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(timeout)
            .channelInitializer { [settings] channel in
                channel.eventLoop.makeCompletedFuture {
                    if settings.security == .tls, let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: settings.host))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineBasedFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                }
            }
            .connect(host: settings.host, port: settings.port).get()
        let session = SMTPSession(channel: channel, timeout: timeout)
        do {
            try await session.expect(nil, 220, "apertura della connessione")
            var features = try await session.hello()
            if settings.security == .starttls {
                guard features.contains(where: { $0.uppercased() == "STARTTLS" }) else {
                    throw SMTPError(description: "il server di posta non offre STARTTLS: impostare PERFORMA_SMTP_SECURITY=none solo se la rete è fidata")
                }
                try await session.expect("STARTTLS", 220, "STARTTLS")
                guard let tls else { throw SMTPError(description: "contesto TLS mancante") }
                try await channel.eventLoop.submit { [host = settings.host] in
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: host), position: .first)
                }.get()
                features = try await session.hello()
            }
            if let username = settings.username {
                guard features.contains(where: { $0.uppercased().hasPrefix("AUTH") && $0.uppercased().contains("PLAIN") }) else {
                    throw SMTPError(description: "il server di posta non accetta l'autenticazione PLAIN")
                }
                let token = Data("\0\(username)\0\(settings.password ?? "")".utf8).base64EncodedString()
                try await session.expect("AUTH PLAIN \(token)", 235, "autenticazione")
            }
            let value = try await body(session)
            try? await session.expect("QUIT", 221, "QUIT")
            try? await channel.close()
            return value
        } catch {
            try? await channel.close()
            throw error
        }
    }

    private func makeTLSContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let file = settings.trustedCertificates {
            configuration.trustRoots = .file(file)
        }
        return try NIOSSLContext(configuration: configuration)
    }
}

/// One open SMTP connection.
struct SMTPSession: Sendable {
    let channel: any Channel
    let timeout: TimeAmount

    /// Sends one message. A refusal of the server leaves the connection usable for the next one (RSET).
    func send(_ message: MailMessage) async throws {
        guard let from = MailAddress.bare(message.from) else { throw SMTPError(description: "mittente non valido: «\(message.from)»", permanent: true) }
        guard let to = MailAddress.bare(message.to) else { throw SMTPError(description: "indirizzo del destinatario non valido: «\(message.to)»", permanent: true) }
        do {
            try await expect("MAIL FROM:<\(from)>", 250, "MAIL FROM")
            try await expect("RCPT TO:<\(to)>", 250, "RCPT TO", alsoAccepting: [251])
            try await expect("DATA", 354, "DATA")
            try await expect(message.wire + ".", 250, "fine del messaggio")
        } catch let error as SMTPError {
            _ = try? await command("RSET")
            throw error
        }
    }

    @discardableResult
    func hello() async throws -> [String] {
        let name = ProcessInfo.processInfo.hostName.isEmpty ? "performa.localdomain" : ProcessInfo.processInfo.hostName
        let reply = try await command("EHLO \(name)")
        guard reply.code == 250 else { throw SMTPError.unexpected(reply, after: "EHLO") }
        return Array(reply.lines.dropFirst())
    }

    func expect(_ line: String?, _ code: Int, _ step: String, alsoAccepting: Set<Int> = []) async throws {
        let reply = try await command(line)
        guard reply.code == code || alsoAccepting.contains(reply.code) else { throw SMTPError.unexpected(reply, after: step) }
    }

    func command(_ line: String?) async throws -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        let timer = channel.eventLoop.scheduleTask(in: timeout) { [channel] in
            // The conversation is out of step from here on: end it.
            channel.close(promise: nil)
            promise.fail(SMTPError(description: "il server di posta non ha risposto entro \(timeout.nanoseconds / 1_000_000_000) secondi"))
        }
        channel.writeAndFlush(SMTPRequest(line: line, reply: promise), promise: nil)
        defer { timer.cancel() }
        return try await promise.futureResult.get()
    }
}
