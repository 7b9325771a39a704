import Foundation
import PerformaStore

/// What `performa serve` runs with, read once at start-up (command line, environment, defaults).
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var database: DatabaseURL
    /// Demo mode loads the Brescia plan, the illustrative results and one demo user per role.
    public var demo: Bool
    /// Where `scripts/fetch-ui-assets.sh` put Bootstrap Italia's files.
    public var assetsFolder: String
    /// How long a login lasts, in seconds.
    public var sessionLifetime: TimeInterval
    /// Cookies only over HTTPS: on behind a TLS-terminating proxy (`PERFORMA_SECURE_COOKIES=1`).
    public var secureCookies: Bool
    /// bcrypt cost factor for new password hashes (12 in production; tests use the minimum, 4).
    public var passwordCost: UInt8
    /// Failed logins allowed per account or address within `loginWindow` seconds.
    public var loginAttempts: Int
    public var loginWindow: TimeInterval
    /// The address users reach Performa at (`PERFORMA_PUBLIC_URL`), for the links in e-mails; by default the
    /// address it listens on.
    public var publicURL: String?
    /// The mail server; nil when none is configured (notices wait in the outbox).
    public var mail: MailSettings?
    /// One log line per request at `info` (`PERFORMA_ACCESS_LOG=1`); otherwise at `debug`, which the default log
    /// level filters out before anything is formatted (the line cost about 30% of a trivial request's time).
    public var accessLog = false
    /// Single sign-on with OpenID Connect (`PERFORMA_OIDC_*`); nil when only passwords are used.
    public var singleSignOn: SignOnSettings?

    /// `publicURL` without its final slash, or the listening address.
    public var baseURL: String {
        guard let url = publicURL?.trimmingCharacters(in: .whitespaces), !url.isEmpty else { return "http://\(host):\(port)" }
        return url.hasSuffix("/") ? String(url.dropLast()) : url
    }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseURL = .defaultSQLite, demo: Bool = false,
        assetsFolder: String = "vendor/bootstrap-italia", sessionLifetime: TimeInterval = 8 * 3600, secureCookies: Bool = false,
        passwordCost: UInt8 = 12, loginAttempts: Int = 5, loginWindow: TimeInterval = 15 * 60
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.demo = demo
        self.assetsFolder = assetsFolder
        self.sessionLifetime = sessionLifetime
        self.secureCookies = secureCookies
        self.passwordCost = passwordCost
        self.loginAttempts = loginAttempts
        self.loginWindow = loginWindow
    }
}
