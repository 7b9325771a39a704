/// One reply of an SMTP server: the three-digit code and its text lines (RFC 5321 §4.2).
struct SMTPReply: Sendable, Equatable {
    var code: Int
    var lines: [String]

    var isPositive: Bool { (200..<400).contains(code) }
    /// 4xx: the server may accept later (the message is retried); 5xx: refused for good.
    var isTransient: Bool { (400..<500).contains(code) }
    var text: String { "\(code) \(lines.joined(separator: " "))" }
}

/// Why a delivery failed, in Italian for the outbox page.
struct SMTPError: Error, CustomStringConvertible, Sendable {
    var description: String
    /// Trying again will not help (a 5xx reply, an address that is not one): the message is not retried.
    var permanent = false

    static func unexpected(_ reply: SMTPReply, after step: String) -> SMTPError {
        SMTPError(description: "risposta inattesa del server di posta a \(step): \(reply.text)", permanent: reply.code >= 500)
    }
}
