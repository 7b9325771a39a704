import ArgumentParser
import Foundation
import PerformaServer
import PerformaStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Utenti di un ente: creazione, cambio della password, elenco.",
        discussion: """
        Fuori dalla modalità dimostrativa non esiste alcun utente finché non lo si crea con «performa user add». \
        La password si legge dallo standard input (--password-stdin) oppure si chiede due volte al terminale, senza mostrarla; \
        non si passa mai come argomento, perché resterebbe nella cronologia della shell e nell'elenco dei processi.
        """,
        subcommands: [UserAddCommand.self, UserPasswordCommand.self, UserListCommand.self]
    )
}

/// `--password-stdin` and the terminal prompt, shared by `user add` and `user password`.
struct PasswordInput: ParsableArguments {
    @Flag(name: .long, help: "Legge la password dalla prima riga dello standard input (per script e automazioni).")
    var passwordStdin = false

    func read() throws -> String {
        if passwordStdin {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let text = String(decoding: data, as: UTF8.self)
            // Only the line ending is removed: spaces are part of a password.
            return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        }
        guard isatty(STDIN_FILENO) != 0 else {
            CommandSupport.printError("Errore: nessun terminale da cui chiedere la password: usare --password-stdin.")
            throw ExitCode(2)
        }
        let first = Self.prompt("Password: ")
        let second = Self.prompt("Ripetere la password: ")
        guard first == second else {
            CommandSupport.printError("Errore: le due password non coincidono. Nulla è stato modificato.")
            throw ExitCode(1)
        }
        return first
    }

    /// Reads a line from the terminal without echoing it.
    private static func prompt(_ text: String) -> String {
        guard let line = getpass(text) else { return "" }
        return String(cString: line)
    }
}

/// Runs a user command on the store: the password rules' refusal is reported like the store's (exit status 1).
private func withUserStore<T: Sendable>(_ options: DatabaseOptions, _ body: @Sendable (SQLStore) async throws -> T) async throws -> T {
    do {
        return try await StoreCommandSupport.withStore(options, body)
    } catch let error as PasswordRejected {
        CommandSupport.printError("Errore: \(error) Nulla è stato modificato.")
        throw ExitCode(1)
    }
}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Crea un utente di un ente con il suo ruolo.",
        discussion: """
        La password deve avere almeno 12 caratteri, non contenere il nome utente e non essere tra le più diffuse. \
        Esempio: printf '%s\\n' \"$PASSWORD\" | performa user add --organization cciaa-brescia --username rossi \
        --role manager --manager-id rossi --display-name \"Mario Rossi\" --password-stdin
        """
    )

    @Option(name: .long, help: "L'ente (deve esistere: si crea importando il suo piano).")
    var organization: String

    @Option(name: .long, help: "Nome utente per l'accesso (senza spazi).")
    var username: String

    @Option(name: .long, help: "Ruolo: admin (struttura tecnica), manager (dirigente), oiv, viewer (sola lettura).")
    var role: String

    @Option(name: .long, help: "Nome e cognome (o descrizione) mostrati nelle pagine.")
    var displayName: String

    @Option(name: .long, help: "Per il ruolo manager: l'identificativo del dirigente nel piano.")
    var managerId: String?

    @Option(name: .long, help: "Indirizzo di posta elettronica (facoltativo).")
    var email: String?

    @OptionGroup var password: PasswordInput
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard Role(rawValue: role) != nil else {
            throw ValidationError("Ruolo non valido: «\(role)». Ruoli: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() async throws {
        let secret = try password.read()
        let role = Role(rawValue: role) ?? .viewer
        let (organization, username, displayName, managerID, email) = (organization, username, displayName, managerId, email)
        let user = try await withUserStore(database) { store in
            try await UserAccounts.add(store, organization: organization, username: username, displayName: displayName, role: role,
                                       managerID: managerID, email: email, password: secret, cost: ServerConfiguration().passwordCost)
        }
        print("Creato l'utente «\(user.username)» (\(user.role.italian)) dell'ente «\(user.organization)».")
    }
}

struct UserPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Cambia la password di un utente (valgono le stesse regole della creazione)."
    )

    @Option(name: .long, help: "L'ente dell'utente.")
    var organization: String

    @Option(name: .long, help: "Il nome utente.")
    var username: String

    @OptionGroup var password: PasswordInput
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let secret = try password.read()
        let (organization, username) = (organization, username)
        let (user, ended) = try await withUserStore(database) { store in
            try await UserAccounts.changePassword(store, organization: organization, username: username, password: secret,
                                                  cost: ServerConfiguration().passwordCost)
        }
        let sessions = ended == 1 ? "chiusa 1 sessione aperta" : "chiuse \(ended) sessioni aperte"
        print("Password cambiata per l'utente «\(user.username)» dell'ente «\(user.organization)»; \(sessions).")
    }
}

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Elenca gli utenti di un ente con ruolo e stato (mai le password)."
    )

    @Option(name: .long, help: "L'ente.")
    var organization: String

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let organization = organization
        let users = try await withUserStore(database) { store in try await UserAccounts.list(store, organization: organization) }
        guard !users.isEmpty else {
            print("L'ente «\(organization)» non ha utenti: crearne uno con «performa user add».")
            return
        }
        let width = users.map(\.user.username.count).max() ?? 0
        for entry in users {
            let user = entry.user
            let state = [user.active ? "attivo" : "disattivato", entry.demo ? "dimostrativo" : nil].compactMap { $0 }.joined(separator: ", ")
            print("\(user.username.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(user.role.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0))\(user.displayName) (\(state))")
        }
    }
}
