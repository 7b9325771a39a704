import Foundation
@testable import PerformaServer

/// A real SMTP server for the tests: aiosmtpd (from PyPI, installed into `.venv` by `.ci/run`) writing every message
/// it accepts into a maildir. Started and stopped by the test, so that "the mail server is down" is real too.
final class SMTPTestServer: @unchecked Sendable {
    /// Below Linux's ephemeral range (32768–60999), from which the suite's own outgoing connections, hundreds at
    /// once, take their ports: there a listener can find its port taken.
    let port = Int.random(in: 20_000...32_000)
    let maildir = FileManager.default.temporaryDirectory.appendingPathComponent("performa-maildir-\(UUID().uuidString)")
    private var process: Process?

    /// The Python that has aiosmtpd: `PERFORMA_TEST_PYTHON`, else the repository's `.venv`.
    static var python: String {
        ProcessInfo.processInfo.environment["PERFORMA_TEST_PYTHON"] ?? TestServer.repository.appendingPathComponent(".venv/bin/python").path
    }

    /// Starts aiosmtpd (STARTTLS offered when a certificate is given) and waits until it answers.
    func start(certificate: (cert: String, key: String)? = nil) async throws {
        guard FileManager.default.isExecutableFile(atPath: Self.python) else {
            throw SMTPTestError("Python con aiosmtpd non trovato in \(Self.python): eseguire `python3 -m venv .venv && .venv/bin/pip install aiosmtpd` o impostare PERFORMA_TEST_PYTHON")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        var arguments = ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)"]
        if let certificate { arguments += ["--tlscert", certificate.cert, "--tlskey", certificate.key, "--no-requiretls"] }
        process.arguments = arguments + ["-c", "aiosmtpd.handlers.Mailbox", maildir.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        let probe = SMTPClient(settings: MailSettings(host: "127.0.0.1", port: port, security: .none, from: "sonda@example.org"))
        // Python starts slowly while the rest of the suite runs beside it: up to 30 s, as long as the process lives.
        for _ in 0..<300 where process.isRunning {
            if (try? await probe.withSession { _ in true }) == true { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        let exited = !process.isRunning
        await stop()
        throw SMTPTestError(exited ? "aiosmtpd si è chiuso all'avvio: porta \(port) occupata?" : "aiosmtpd non risponde sulla porta \(port)")
    }

    /// Stops the server and waits until it is gone. (Not `Process.waitUntilExit`: on Linux, called from a task, it
    /// spins its run loop forever.)
    func stop() async {
        guard let process else { return }
        // aiosmtpd stops on SIGINT (it ignores SIGTERM); SIGKILL if it has not within two seconds.
        process.interrupt()
        for _ in 0..<100 where process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        await Self.waitForExit(process)
        self.process = nil
    }

    static func waitForExit(_ process: Process) async {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }

    deinit {
        if let process, process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: maildir)
    }

    struct Message {
        var to: String
        var subject: String
        var body: String
        var messageID: String
    }

    /// Every message received so far, decoded (subject from its encoded words, body from base64).
    func messages() throws -> [Message] {
        let folder = maildir.appendingPathComponent("new")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return try names.sorted().map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
            guard let split = text.range(of: "\n\n") else { throw SMTPTestError("messaggio senza corpo: \(name)") }
            var headers: [String: String] = [:]
            var last: String?
            for line in text[..<split.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
                if line.first == " " || line.first == "\t", let last {
                    headers[last, default: ""] += String(line.dropFirst())
                } else if let colon = line.firstIndex(of: ":") {
                    let key = line[..<colon].lowercased()
                    headers[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    last = key
                }
            }
            let encoded = text[split.upperBound...].filter { !$0.isWhitespace }
            guard let bodyData = Data(base64Encoded: String(encoded)) else { throw SMTPTestError("corpo non in base64: \(name)") }
            return Message(to: headers["to"] ?? "", subject: Self.decodeWords(headers["subject"] ?? ""),
                           body: String(decoding: bodyData, as: UTF8.self), messageID: headers["message-id"] ?? "")
        }
    }

    static func decodeWords(_ header: String) -> String {
        guard header.contains("=?UTF-8?B?") else { return header }
        return header.components(separatedBy: "=?UTF-8?B?").dropFirst().map { part in
            let word = part.components(separatedBy: "?=").first ?? ""
            return Data(base64Encoded: word).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }.joined()
    }
}

struct SMTPTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
