import Foundation
import Performa
import PerformaStore

/// The claim of the ID token that says which Performa user signed in: `email`, or a fiscal-code claim (SPID and
/// CIE brokers give the *codice fiscale*, often as `fiscal_number` with the country prefix `TINIT-`).
public struct SignOnClaim: Sendable, Hashable {
    /// The claim's name in the ID token.
    public var name: String

    public init(name: String) { self.name = name }

    /// How the store finds the user: `email` by e-mail, any other claim by fiscal code.
    public var kind: SignOnIdentityKind { name == "email" ? .email : .fiscalCode }

    /// The value the store matches, from the claim as the provider gives it: an e-mail in lower case; a fiscal code
    /// without the `TINIT-` prefix, in upper case, and only when valid. Nil when there is nothing to match.
    public func matchValue(_ raw: String) -> String? {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .email:
            return trimmed.contains("@") ? trimmed.lowercased() : nil
        case .fiscalCode:
            var code = trimmed.uppercased()
            if code.hasPrefix("TINIT-") { code.removeFirst("TINIT-".count) }
            return FiscalCode(code)?.text
        }
    }
}
