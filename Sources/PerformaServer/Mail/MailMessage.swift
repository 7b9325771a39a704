import Foundation
import PerformaStore

/// An outbox message as it goes over the wire (RFC 5322 with MIME): UTF-8 text, base64 so that no line is too long
/// and no line starts with a dot, the subject as an encoded word, and a Message-ID made from the outbox id, so that a
/// message sent again after a crash carries the same id and mail clients show it once.
struct MailMessage: Sendable {
    var from: String
    var to: String
    var subject: String
    var body: String
    var messageID: String
    var date: Date

    init(_ mail: OutgoingMail, organization: String, from: String, date: Date) {
        self.from = from
        to = mail.recipient
        subject = mail.subject
        body = mail.body
        let safe = { (text: String) in String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") ? $0 : "." }) }
        messageID = "<\(safe(mail.id))@\(safe(organization)).performa>"
        self.date = date
    }

    /// The DATA of the SMTP transaction, lines ending in CRLF, without the final dot.
    var wire: String {
        let headers = [
            "From: \(Self.header(from))",
            "To: \(Self.header(to))",
            "Subject: \(Self.encodedWords(subject))",
            "Date: \(Self.dateFormatter.string(from: date))",
            "Message-ID: \(messageID)",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
        ]
        let normalized = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let encoded = Data(normalized.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + encoded + "\r\n"
    }

    /// A header value: plain when ASCII, else encoded words (line breaks never get through either way).
    private static func header(_ text: String) -> String {
        let flat = flattened(text)
        return flat.allSatisfy(\.isASCII) ? flat : encodedWords(flat)
    }

    /// Line breaks taken out: no header injection from a name or a subject.
    private static func flattened(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// RFC 2047 encoded words of at most 75 characters, folded, split between characters (never inside one).
    static func encodedWords(_ text: String) -> String {
        let flat = flattened(text)
        if flat.allSatisfy({ $0.isASCII }) && flat.utf8.count <= 900 { return flat }
        var words: [String] = []
        var chunk = ""
        for character in flat {
            if chunk.utf8.count + character.utf8.count > 39 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    private static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/Rome")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()
}
