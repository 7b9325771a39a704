@testable import PerformaServer
import Testing

@Suite("Password rules")
struct PasswordPolicyTests {
    @Test("long passphrases are accepted, whatever their characters", arguments: [
        "Tre gatti sul tetto, 2026", "correct horse battery staple", "ÈùàòÀ-ìé-ß12", "一二三四五六七八九十百千", "0123456789ab",
    ])
    func accepted(password: String) {
        #expect(PasswordPolicy.problems(password: password, username: "vairano").isEmpty)
    }

    @Test("each rule refuses with its own Italian reason", arguments: [
        ("Brevissima1", "vairano", "almeno 12 caratteri (ne ha 11)"),
        ("àààààààààà", "vairano", "almeno 12 caratteri (ne ha 10)"),            // characters, not bytes
        ("Vairano-2021-ok!", "vairano", "non deve contenere il nome utente"),   // ignoring case
        ("PASSWORD1234", "vairano", "tra le più diffuse"),
        ("amministratore", "vairano", "tra le più diffuse"),
        (String(repeating: "x", count: 73), "vairano", "al massimo 72 byte"),
        (String(repeating: "è", count: 37), "vairano", "al massimo 72 byte"),    // 74 bytes in UTF-8
    ])
    func refused(password: String, username: String, reason: String) {
        let problems = PasswordPolicy.problems(password: password, username: username)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.contains(reason) == true, "\(problems)")
    }

    @Test("every broken rule is reported at once; the thrown error carries them all")
    func allReasons() {
        #expect(throws: PasswordRejected(reasons: PasswordPolicy.problems(password: "admin", username: "admin"))) {
            try PasswordPolicy.check(password: "admin", username: "admin")
        }
        #expect(PasswordPolicy.problems(password: "admin", username: "admin").count == 2)
        // The limits are the documented ones, exactly.
        #expect(PasswordPolicy.problems(password: String(repeating: "x", count: 12), username: "vairano").isEmpty)
        #expect(PasswordPolicy.problems(password: String(repeating: "è", count: 36), username: "vairano").isEmpty)
        // A one- or two-letter user name does not forbid every password that contains it.
        #expect(PasswordPolicy.problems(password: "Tre gatti sul tetto, 2026", username: "tr").isEmpty)
    }
}
