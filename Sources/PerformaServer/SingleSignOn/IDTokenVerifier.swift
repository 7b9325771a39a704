import Foundation
import JWTKit

/// The claims of an ID token that Performa reads: the registered ones it checks and, by name, every claim whose
/// value is a string (the configured matching claim among them: `email`, `fiscal_number`…).
struct IDTokenClaims: JWTIdentityToken {
    var issuer: IssuerClaim
    var subject: SubjectClaim
    var audience: AudienceClaim
    var expires: ExpirationClaim
    var nonce: String?
    var strings: [String: String]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(issuer: String, subject: String, audience: [String], expires: Date, nonce: String?, strings: [String: String] = [:]) {
        self.issuer = IssuerClaim(value: issuer)
        self.subject = SubjectClaim(value: subject)
        self.audience = AudienceClaim(value: audience)
        self.expires = ExpirationClaim(value: expires)
        self.nonce = nonce
        self.strings = strings
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        issuer = try container.decode(IssuerClaim.self, forKey: Key(stringValue: "iss"))
        subject = try container.decode(SubjectClaim.self, forKey: Key(stringValue: "sub"))
        audience = try container.decode(AudienceClaim.self, forKey: Key(stringValue: "aud"))
        expires = try container.decode(ExpirationClaim.self, forKey: Key(stringValue: "exp"))
        nonce = try container.decodeIfPresent(String.self, forKey: Key(stringValue: "nonce"))
        var strings: [String: String] = [:]
        for key in container.allKeys {
            if let text = try? container.decode(String.self, forKey: key) { strings[key.stringValue] = text }
        }
        self.strings = strings
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (name, value) in strings { try container.encode(value, forKey: Key(stringValue: name)) }
        try container.encode(issuer, forKey: Key(stringValue: "iss"))
        try container.encode(subject, forKey: Key(stringValue: "sub"))
        try container.encode(audience, forKey: Key(stringValue: "aud"))
        try container.encode(expires, forKey: Key(stringValue: "exp"))
        try container.encodeIfPresent(nonce, forKey: Key(stringValue: "nonce"))
    }

    /// The signature is checked by the key collection; issuer, expiry and nonce by `IDTokenVerifier`, with its clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// Checks an ID token as OpenID Connect Core §3.1.3.7 asks: signed (RS256 or ES256) by a key of the provider's JWKS,
/// issued by the configured issuer for Performa's client id, not expired, and carrying the nonce of this sign-on
/// (so a token captured from another sign-on is refused). The callback and the tests use this one check.
struct IDTokenVerifier {
    /// Why a token is refused: the audit log's reason; users see `SignOnRefusal.invalidToken`'s page.
    struct Refusal: Error, CustomStringConvertible, Equatable {
        let description: String
    }

    static let algorithms: Set<String> = ["RS256", "ES256"]
    /// Clocks of provider and server may differ a little.
    static let leeway: TimeInterval = 60

    let issuer: String
    let clientID: String

    func verify(_ token: String, keys: JWTKeyCollection, nonce: String, now: Date = Date()) async throws -> IDTokenClaims {
        let algorithm = try Self.algorithm(of: token)
        guard Self.algorithms.contains(algorithm) else { throw Refusal(description: "algoritmo di firma non ammesso: \(algorithm)") }
        let claims: IDTokenClaims
        do {
            claims = try await keys.verify(token, as: IDTokenClaims.self, expectedAudience: clientID)
        } catch let error as JWTError where error.errorType == .claimVerificationFailure {
            throw Refusal(description: "destinatario (aud) diverso da «\(clientID)»")
        } catch let error as JWTError {
            throw Refusal(description: "firma non valida (\(error.errorType))")
        }
        guard claims.issuer.value == issuer else { throw Refusal(description: "emittente (iss) «\(claims.issuer.value)» diverso da «\(issuer)»") }
        guard claims.expires.value.addingTimeInterval(Self.leeway) > now else { throw Refusal(description: "token scaduto") }
        guard let found = claims.nonce, RandomToken.equal(found, nonce) else {
            throw Refusal(description: "nonce diverso da quello dell'accesso in corso (token riutilizzato)")
        }
        return claims
    }

    /// The `alg` of the token's header, read before any key is chosen.
    static func algorithm(of token: String) throws -> String {
        guard let header = token.split(separator: ".", omittingEmptySubsequences: false).first else { throw Refusal(description: "token malformato") }
        var text = header.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        struct Header: Decodable { var alg: String }
        guard let data = Data(base64Encoded: text), let decoded = try? JSONDecoder().decode(Header.self, from: data) else {
            throw Refusal(description: "token malformato")
        }
        return decoded.alg
    }
}
