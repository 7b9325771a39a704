import Foundation
@testable import PerformaServer
import PerformaStore
import Testing

/// The parts of e-mail that need no server: the settings read from the environment, and a message as it goes on
/// the wire (encoded subject, base64 text, no header injection, a Message-ID that stays the same).
@Suite("Mail format and settings")
struct MailFormatTests {
    @Test("settings: none without a host; defaults; every wrong value refused in Italian")
    func settings() throws {
        #expect(try MailSettings.from(environment: [:]) == nil)
        let basic = try #require(try MailSettings.from(environment: ["PERFORMA_SMTP_HOST": "posta.ente.example", "PERFORMA_MAIL_FROM": "Performa <performa@ente.example>"]))
        #expect(basic.port == 587 && basic.security == .starttls && basic.interval == 60)
        let implicit = try #require(try MailSettings.from(environment: ["PERFORMA_SMTP_HOST": "h.example", "PERFORMA_SMTP_SECURITY": "TLS",
                                                                        "PERFORMA_MAIL_FROM": "p@ente.example"]))
        #expect(implicit.port == 465 && implicit.security == .tls)
        for wrong in [["PERFORMA_SMTP_SECURITY": "ssl"], ["PERFORMA_SMTP_PORT": "70000"], ["PERFORMA_MAIL_FROM": "nessuno"],
                      ["PERFORMA_MAIL_INTERVAL": "0"], ["PERFORMA_SMTP_SECURITY": "none", "PERFORMA_SMTP_USER": "u"]] {
            let environment = ["PERFORMA_SMTP_HOST": "h.example", "PERFORMA_MAIL_FROM": "p@ente.example"].merging(wrong) { $1 }
            #expect(throws: MailSettingsError.self) { try MailSettings.from(environment: environment) }
        }
    }

    @Test("a message: Italian subject as encoded words, text in base64 lines, header injection neutralised")
    func wire() throws {
        let mail = OutgoingMail(id: "rilevazione-aperta/piano/2021-12-31/u1", kind: "campaign-open", recipientUser: "u1",
                                recipient: "dirigente@ente.example\r\nBcc: altri@esterno.example",
                                subject: "Performa: è aperta la rilevazione al 31/12/2021 – più di settanta caratteri per piegare l'oggetto",
                                body: "Gentile dirigente,\nla rilevazione è aperta.\n.\nFine")
        let message = MailMessage(mail, organization: "cciaa-brescia", from: "Performa <performa@ente.example>", date: Date(timeIntervalSince1970: 0))
        let wire = message.wire
        let lines = wire.components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.hasPrefix("Bcc:") }, "a line break in a header value must not start a new header")
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(wire.contains("Message-ID: <rilevazione-aperta.piano.2021-12-31.u1@cciaa-brescia.performa>"))
        let subject = try #require(lines.firstIndex { $0.hasPrefix("Subject: ") })
        var folded = String(lines[subject].dropFirst("Subject: ".count))
        for line in lines[(subject + 1)...] where line.hasPrefix(" ") { folded += line.dropFirst() }
        let decoded = folded.components(separatedBy: "=?UTF-8?B?").dropFirst().map { part in
            String(decoding: Data(base64Encoded: String(part.prefix { $0 != "?" }))!, as: UTF8.self)
        }.joined()
        #expect(decoded == mail.subject)
        let body = wire.components(separatedBy: "\r\n\r\n")[1].filter { !$0.isWhitespace }
        #expect(String(decoding: Data(base64Encoded: body)!, as: UTF8.self) == "Gentile dirigente,\r\nla rilevazione è aperta.\r\n.\r\nFine")
    }

    @Test("addresses: the bare address from a name, nothing that could break a command")
    func addresses() {
        #expect(MailAddress.bare("Performa <performa@ente.example>") == "performa@ente.example")
        #expect(MailAddress.bare("a@b.example") == "a@b.example")
        for wrong in ["", "nessuno", "a@b", "a@.example", "a b@c.example", "a@b.example>\r\nRCPT TO:<x@y.example", "<a@b.example"] {
            #expect(MailAddress.bare(wrong) == nil, "«\(wrong)»")
        }
    }
}
