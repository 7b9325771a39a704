import Foundation
import PerformaStore

/// Single sign-on with OpenID Connect, as `performa serve` reads it from the environment (docs/operations.md,
/// «Accesso unico (OpenID Connect)»). Absent when `PERFORMA_OIDC_ISSUER` is not set: then only passwords.
public struct SignOnSettings: Sendable, Hashable {
    /// The provider's issuer: its discovery document is at `<issuer>/.well-known/openid-configuration` and the
    /// ID tokens must name exactly this issuer.
    public var issuer: String
    public var clientID: String
    public var clientSecret: String
    /// Performa's callback (`…/accesso/oidc/ritorno`), as registered with the provider.
    public var redirectURL: String
    /// The claim users are matched by: `email`, or the name of a fiscal-code claim (`fiscal_number`).
    public var claim: SignOnClaim
    /// The organization (ente) whose users sign in through this provider.
    public var organization: String
    /// Whether the password form stays available (`PERFORMA_LOCAL_PASSWORDS=off` turns it off).
    public var localPasswords: Bool
    /// Shown on the login button: «Accedi con …».
    public var providerName: String

    public init(issuer: String, clientID: String, clientSecret: String, redirectURL: String, claim: SignOnClaim,
                organization: String, localPasswords: Bool = true, providerName: String = "SPID o CIE") {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.redirectURL = redirectURL
        self.claim = claim
        self.organization = organization
        self.localPasswords = localPasswords
        self.providerName = providerName
    }

    /// A configuration that cannot work, in Italian, naming the variable.
    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Reads the `PERFORMA_OIDC_*` variables and `PERFORMA_LOCAL_PASSWORDS`; nil when single sign-on is not
    /// configured (and passwords are not turned off).
    public static func fromEnvironment(_ environment: [String: String]) throws -> SignOnSettings? {
        func value(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let passwords = value("PERFORMA_LOCAL_PASSWORDS")?.lowercased()
        guard passwords == nil || passwords == "on" || passwords == "off" else {
            throw Invalid(description: "PERFORMA_LOCAL_PASSWORDS vale «on» oppure «off», non «\(passwords ?? "")».")
        }
        guard let issuer = value("PERFORMA_OIDC_ISSUER") else {
            if passwords == "off" {
                throw Invalid(description: "PERFORMA_LOCAL_PASSWORDS=off richiede l'accesso unico (PERFORMA_OIDC_ISSUER e le altre variabili): altrimenti nessuno potrebbe accedere.")
            }
            return nil
        }
        func required(_ name: String) throws -> String {
            guard let found = value(name) else { throw Invalid(description: "Accesso unico: manca la variabile \(name).") }
            return found
        }
        for (name, address) in [("PERFORMA_OIDC_ISSUER", issuer), ("PERFORMA_OIDC_REDIRECT_URL", try required("PERFORMA_OIDC_REDIRECT_URL"))] {
            guard let url = URLComponents(string: address), url.scheme == "https" || url.scheme == "http", url.host?.isEmpty == false else {
                throw Invalid(description: "\(name) deve essere un indirizzo http(s) completo, non «\(address)».")
            }
        }
        return SignOnSettings(
            issuer: issuer, clientID: try required("PERFORMA_OIDC_CLIENT_ID"), clientSecret: try required("PERFORMA_OIDC_CLIENT_SECRET"),
            redirectURL: try required("PERFORMA_OIDC_REDIRECT_URL"), claim: SignOnClaim(name: value("PERFORMA_OIDC_CLAIM") ?? "email"),
            organization: try required("PERFORMA_OIDC_ORGANIZATION"), localPasswords: passwords != "off",
            providerName: value("PERFORMA_OIDC_PROVIDER_NAME") ?? "SPID o CIE")
    }
}

extension ServerConfiguration {
    /// Whether users may sign in with a Performa password (form and API): always, unless single sign-on is
    /// configured with local passwords turned off.
    var localPasswordsAllowed: Bool { singleSignOn?.localPasswords ?? true }
}
