import Foundation

/// The rules every password set outside demo mode must follow, in one place (the `performa user` commands use them).
/// Length matters more than character classes (NIST SP 800-63B): at least 12 characters, at most 72 bytes (bcrypt
/// ignores what follows), not containing the user name, not one of the passwords every guesser tries first.
public enum PasswordPolicy {
    public static let minimumLength = 12
    /// bcrypt reads only the first 72 bytes: a longer password would be silently cut.
    public static let maximumBytes = 72

    /// Passwords of 12 or more characters that appear at the top of leaked-password lists, and obvious Italian ones.
    /// Compared ignoring case.
    static let common: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123456789123", "111111111111", "000000000000",
        "123123123123", "1q2w3e4r5t6y", "1qaz2wsx3edc", "qwertyuiop12", "qwertyuiopas", "qwertyuiop123",
        "qwerty123456", "asdfghjklzxc", "password1234", "password12345", "password123456", "passwordpassword",
        "password!123", "p@ssw0rd1234", "iloveyou1234", "abcdefghijkl", "abcdef123456", "abc123456789",
        "administrator", "administrator1", "welcome12345", "letmein12345", "changeme1234", "trustno1trustno1",
        "football1234", "baseball1234", "superman1234", "monkey123456", "dragon123456", "sunshine1234",
        "amministratore", "amministrazione", "passwordnuova", "nuovapassword", "ciaociaociao", "ciao12345678",
        "benvenuto123", "benvenuto1234", "cambiami1234", "cambiapassword", "juventus1897", "forzainter1908",
        "forzamilan1899", "forzaroma1927", "napoli123456", "italia123456", "performa1234", "performa2021",
        "performa2024", "performa2025", "performa2026", "comune123456", "camera123456",
    ]

    /// The reasons `password` is not acceptable for `username`, in Italian; empty when it is.
    public static func problems(password: String, username: String) -> [String] {
        var problems: [String] = []
        if password.count < minimumLength {
            problems.append("La password deve avere almeno \(minimumLength) caratteri (ne ha \(password.count)).")
        }
        if password.utf8.count > maximumBytes {
            problems.append("La password è troppo lunga: al massimo \(maximumBytes) byte (le lettere accentate contano due byte).")
        }
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        // Very short user names would forbid half the dictionary; three characters are enough to matter.
        if name.count >= 3 && password.lowercased().contains(name) {
            problems.append("La password non deve contenere il nome utente.")
        }
        if common.contains(password.lowercased()) {
            problems.append("La password è tra le più diffuse e viene indovinata per prima: sceglierne un'altra.")
        }
        return problems
    }

    /// Throws `PasswordRejected` with every reason when `password` breaks a rule.
    public static func check(password: String, username: String) throws(PasswordRejected) {
        let found = problems(password: password, username: username)
        if !found.isEmpty { throw PasswordRejected(reasons: found) }
    }
}

/// A password that breaks one or more rules of `PasswordPolicy`.
public struct PasswordRejected: Error, CustomStringConvertible, Sendable, Equatable {
    public var reasons: [String]
    public var description: String { "Password non accettata. " + reasons.joined(separator: " ") }
}
