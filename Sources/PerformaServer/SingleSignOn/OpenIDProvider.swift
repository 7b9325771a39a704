import AsyncHTTPClient
import Foundation
import JWTKit
import NIOCore
import NIOFoundationCompat

/// The identity provider as Performa talks to it: its discovery document and signing keys (fetched on first use and
/// kept; the keys fetched again when a token names one not yet known, as after a key rotation) and the exchange of
/// an authorization code for tokens.
actor OpenIDProvider {
    /// What Performa uses of `/.well-known/openid-configuration`.
    struct Discovery: Decodable, Sendable {
        var issuer: String
        var authorizationEndpoint: String
        var tokenEndpoint: String
        var jwksURI: String
        var tokenEndpointAuthMethodsSupported: [String]?

        enum CodingKeys: String, CodingKey {
            case issuer, authorizationEndpoint = "authorization_endpoint", tokenEndpoint = "token_endpoint", jwksURI = "jwks_uri"
            case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
        }
    }

    /// The provider could not be reached or answered something unusable (the reason for the log, not for users).
    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    nonisolated let settings: SignOnSettings
    private var discovery: Discovery?
    private var keys: JWTKeyCollection?
    private var keysFetchedAt: Date?

    init(settings: SignOnSettings) {
        self.settings = settings
    }

    func configuration() async throws -> Discovery {
        if let discovery { return discovery }
        let base = settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer
        let found = try JSONDecoder().decode(Discovery.self, from: try await Self.get(base + "/.well-known/openid-configuration"))
        // The issuer names itself: a document for another issuer is not this provider's (OpenID Connect Discovery §4.3).
        guard found.issuer == settings.issuer else {
            throw Unavailable(description: "il documento di configurazione indica l'emittente «\(found.issuer)», non «\(settings.issuer)»")
        }
        discovery = found
        return found
    }

    /// The provider's signing keys; `refresh` fetches them again (at most every 30 seconds).
    func signingKeys(refresh: Bool = false) async throws -> JWTKeyCollection {
        if let keys, !refresh || (keysFetchedAt.map { Date().timeIntervalSince($0) < 30 } ?? false) { return keys }
        let document = try await Self.get(try await configuration().jwksURI)
        let collection = JWTKeyCollection()
        try await collection.add(jwksJSON: String(decoding: document, as: UTF8.self))
        keys = collection
        keysFetchedAt = Date()
        return collection
    }

    /// The tokens for an authorization code (RFC 6749 §4.1.3 with the PKCE verifier, RFC 7636 §4.5): the ID token.
    func exchange(code: String, verifier: String) async throws -> String {
        let discovery = try await configuration()
        var fields = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", settings.redirectURL), ("code_verifier", verifier)]
        var request = HTTPClientRequest(url: discovery.tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        // client_secret_basic unless the provider says it only takes the secret in the form.
        let methods = discovery.tokenEndpointAuthMethodsSupported ?? ["client_secret_basic"]
        if methods.contains("client_secret_basic") {
            let credentials = "\(Self.formEncoded(settings.clientID)):\(Self.formEncoded(settings.clientSecret))"
            request.headers.add(name: "Authorization", value: "Basic " + Data(credentials.utf8).base64EncodedString())
        } else {
            fields += [("client_id", settings.clientID), ("client_secret", settings.clientSecret)]
        }
        request.body = .bytes(ByteBuffer(string: fields.map { "\($0)=\(Self.formEncoded($1))" }.joined(separator: "&")))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(15))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else {
            throw Unavailable(description: "scambio del codice rifiutato (\(response.status.code)): \(String(buffer: body).prefix(300))")
        }
        struct Tokens: Decodable {
            var idToken: String?
            enum CodingKeys: String, CodingKey { case idToken = "id_token" }
        }
        guard let token = try JSONDecoder().decode(Tokens.self, from: Data(buffer: body)).idToken else {
            throw Unavailable(description: "la risposta del fornitore non contiene l'ID token")
        }
        return token
    }

    /// `application/x-www-form-urlencoded` for one value.
    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private static func get(_ url: String) async throws -> Data {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(15))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { throw Unavailable(description: "\(url) ha risposto \(response.status.code)") }
        return Data(buffer: body)
    }
}
