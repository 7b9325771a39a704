import Foundation

/// How Performa reaches its mail server, from the environment (see docs/operations.md, "Posta elettronica").
/// Without `PERFORMA_SMTP_HOST` there is no sender: notices still wait in the outbox, nothing is lost, and they
/// leave as soon as a server is configured.
public struct MailSettings: Sendable, Equatable {
    public enum Security: String, Sendable {
        /// Plain SMTP (a relay on the same host or network).
        case none
        /// SMTP then STARTTLS (submission, port 587): refused if the server does not offer it.
        case starttls
        /// TLS from the first byte (port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The sender as it appears in From: (`Performa <performa@ente.example>`).
    public var from: String
    /// Seconds between two passes of the sender (and of the notices' planner).
    public var interval: TimeInterval
    /// A PEM file of the certificates to trust instead of the system's roots (an internal CA).
    public var trustedCertificates: String?

    public init(host: String, port: Int, security: Security = .starttls, username: String? = nil, password: String? = nil,
                from: String, interval: TimeInterval = 60, trustedCertificates: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.from = from
        self.interval = interval
        self.trustedCertificates = trustedCertificates
    }

    /// nil when no mail server is configured; an error (in Italian) for a setting that cannot be used.
    public static func from(environment: [String: String]) throws -> MailSettings? {
        func value(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let host = value("PERFORMA_SMTP_HOST") else { return nil }
        let securityText = value("PERFORMA_SMTP_SECURITY") ?? "starttls"
        guard let security = Security(rawValue: securityText.lowercased()) else {
            throw MailSettingsError("PERFORMA_SMTP_SECURITY non valido: «\(securityText)» (ammessi: none, starttls, tls).")
        }
        let defaultPort = switch security { case .none: 25; case .starttls: 587; case .tls: 465 }
        let port = try value("PERFORMA_SMTP_PORT").map { text in
            guard let port = Int(text), (1...65535).contains(port) else { throw MailSettingsError("PERFORMA_SMTP_PORT non valida: «\(text)».") }
            return port
        } ?? defaultPort
        guard let from = value("PERFORMA_MAIL_FROM"), MailAddress.bare(from) != nil else {
            throw MailSettingsError("PERFORMA_MAIL_FROM manca o non contiene un indirizzo valido (ad esempio «Performa <performa@ente.example>»).")
        }
        let interval = try value("PERFORMA_MAIL_INTERVAL").map { text in
            guard let seconds = Double(text), seconds >= 0.2, seconds <= 3600 else {
                throw MailSettingsError("PERFORMA_MAIL_INTERVAL non valido: «\(text)» (secondi, da 0.2 a 3600).")
            }
            return seconds
        } ?? 60
        let username = value("PERFORMA_SMTP_USER")
        if username != nil && security == .none {
            throw MailSettingsError("Credenziali SMTP senza cifratura: impostare PERFORMA_SMTP_SECURITY a starttls o tls.")
        }
        return MailSettings(host: host, port: port, security: security, username: username, password: value("PERFORMA_SMTP_PASSWORD"),
                            from: from, interval: interval, trustedCertificates: value("PERFORMA_SMTP_CA_FILE"))
    }
}

public struct MailSettingsError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}
