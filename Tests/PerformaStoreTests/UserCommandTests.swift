import Foundation
import Testing
@testable import PerformaStore

@Suite("Command line: users")
struct UserCommandTests {
    @Test("user add / list / password: the password comes from stdin, the rules apply, nothing is created on a refusal", arguments: TestBackend.allCases)
    func users(backend: TestBackend) async throws {
        try await backend.withEmptyDatabase { url in
            let database = ["--database", url.description]
            let add = ["user", "add", "--organization", "cciaa-brescia", "--username", "rossi", "--role", "manager", "--manager-id", "vairano",
                       "--display-name", "Mario Rossi", "--password-stdin"] + database
            // No organization yet: the message says how to create one.
            let early = try PerformaBinary.run(add, input: "Tre gatti sul tetto, 2026\n")
            #expect(early.status == 1)
            #expect(early.errors.contains("L'ente «cciaa-brescia» non esiste"))
            #expect(try PerformaBinary.run(["import", TestPlans.bresciaURL.path] + database).status == 0)
            let empty = try PerformaBinary.run(["user", "list", "--organization", "cciaa-brescia"] + database)
            #expect(empty.status == 0 && empty.output.contains("non ha utenti"))

            for (password, reason) in [("breve", "almeno 12 caratteri"), ("password1234", "più diffuse"), ("rossi-e-la-sua-password", "nome utente"),
                                       (String(repeating: "è", count: 37), "72 byte")] {
                let refused = try PerformaBinary.run(add, input: password + "\n")
                #expect(refused.status == 1, "\(password)")
                #expect(refused.errors.contains(reason), "\(password): \(refused.errors)")
                #expect(refused.errors.contains("Nulla è stato modificato"))
                #expect(!refused.errors.contains(password), "the password is not echoed")
            }
            let wrongRole = try PerformaBinary.run(["user", "add", "--organization", "cciaa-brescia", "--username", "x", "--role", "capo",
                                                    "--display-name", "X", "--password-stdin"] + database, input: "Tre gatti sul tetto, 2026\n")
            #expect(wrongRole.status != 0 && wrongRole.errors.contains("Ruolo non valido"))
            let noManager = try PerformaBinary.run(["user", "add", "--organization", "cciaa-brescia", "--username", "bianchi", "--role", "manager",
                                                    "--display-name", "Bianchi", "--password-stdin"] + database, input: "Tre gatti sul tetto, 2026\n")
            #expect(noManager.status == 1 && noManager.errors.contains("--manager-id"))
            let unknownManager = try PerformaBinary.run(["user", "add", "--organization", "cciaa-brescia", "--username", "bianchi", "--role", "manager",
                                                         "--manager-id", "bianchi", "--display-name", "Bianchi", "--password-stdin"] + database,
                                                        input: "Tre gatti sul tetto, 2026\n")
            #expect(unknownManager.status == 1 && unknownManager.errors.contains("Il dirigente «bianchi» non compare nei piani"))

            let created = try PerformaBinary.run(add, input: "Tre gatti sul tetto, 2026\n")
            #expect(created.status == 0, "\(created.errors)")
            #expect(created.output.contains("Creato l'utente «rossi» (dirigente) dell'ente «cciaa-brescia»"))
            #expect(try PerformaBinary.run(add, input: "Tre gatti sul tetto, 2026\n").errors.contains("L'utente «rossi» esiste già."))
            // Without --password-stdin and without a terminal the command asks for nothing and changes nothing.
            let noTerminal = try PerformaBinary.run(Array(add.dropLast(database.count + 1)) + database, input: "")
            #expect(noTerminal.status == 2 && noTerminal.errors.contains("--password-stdin"))

            let stored = try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in
                try await store.credentials(organization: "cciaa-brescia", username: "rossi")
            }
            let credentials = try #require(stored)
            #expect(credentials.user.role == .manager && credentials.user.managerID == "vairano" && credentials.user.displayName == "Mario Rossi")
            #expect(credentials.passwordHash.hasPrefix("$2") && credentials.passwordHash.dropFirst(3).hasPrefix("$12$"), "bcrypt at cost 12, never the password")

            let list = try PerformaBinary.run(["user", "list", "--organization", "cciaa-brescia"] + database)
            #expect(list.output.contains("rossi") && list.output.contains("manager") && list.output.contains("Mario Rossi (attivo)"))
            #expect(!list.output.contains("$2b$"))

            // A session opened with the old password ends with the change (a refused change leaves it open).
            let session = try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in
                try await store.createSession(credentials.user.context, expiresAt: Date().addingTimeInterval(3600)).token
            }
            func sessionOpen() async throws -> Bool {
                try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in try await store.session(token: session, at: Date()) != nil }
            }
            let change = ["user", "password", "--organization", "cciaa-brescia", "--username", "rossi", "--password-stdin"] + database
            #expect(try PerformaBinary.run(change, input: "corta\n").status == 1)
            #expect(try await sessionOpen())
            let changed = try PerformaBinary.run(change, input: "Un'altra frase lunga e nuova\r\n")
            #expect(changed.status == 0 && changed.output.contains("Password cambiata") && changed.output.contains("chiusa 1 sessione aperta"))
            #expect(try await !sessionOpen())
            let after = try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in
                try await store.credentials(organization: "cciaa-brescia", username: "rossi")
            }
            #expect(after?.passwordHash != credentials.passwordHash)
            let audit = try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in
                try await store.auditLog(.commandLine(organization: "cciaa-brescia"), AuditQuery(entity: "user"))
            }
            #expect(audit.map(\.action).sorted() == ["create", "update"])
            #expect(audit.allSatisfy { $0.actor == "performa-cli" })
            #expect(audit.allSatisfy { !String(describing: $0).contains("$2b$") }, "the audit log never holds the hash")
            #expect(try PerformaBinary.run(["user", "password", "--organization", "cciaa-brescia", "--username", "nessuno", "--password-stdin"] + database,
                                           input: "Tre gatti sul tetto, 2026\n").errors.contains("L'utente «nessuno» dell'ente «cciaa-brescia» non esiste."))
        }
    }
}

extension PerformaBinary {
    /// Runs `performa` with `input` on its standard input (a password, as `--password-stdin` reads it).
    static func run(_ arguments: [String], input: String) throws -> Outcome {
        let process = Process()
        process.executableURL = try url
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "PERFORMA_DATABASE_URL")
        process.environment = variables
        let stdin = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = stdin
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self), errors: String(decoding: errorData, as: UTF8.self))
    }
}
