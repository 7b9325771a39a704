import Foundation
import Hummingbird
import PerformaStore

/// Finds the signed-in user from the session cookie (browsers) or a bearer token (API clients). Sessions live in
/// the store, so any replica of the server recognises them; an unknown, expired or revoked token is no user.
/// Static files and the operations endpoints need no user and do not come here (`RequestPipeline`).
struct SessionAuthenticator: Sendable {
    static let cookieName = "performa_sessione"
    let store: any PerformaStore

    func authenticate(request: Request, context: WebRequestContext) async throws -> SignedInUser? {
        let token: String
        let viaBearer: Bool
        if let bearer = request.bearerToken {
            token = String(bearer)
            viaBearer = true
        } else if let cookie = request.cookie(Self.cookieName), !cookie.isEmpty {
            token = String(cookie)
            viaBearer = false
        } else {
            return nil
        }
        do {
            guard let found = try await store.signedIn(token: token, at: Date()) else { return nil }
            return SignedInUser(session: found.session, user: found.user, token: token, viaBearer: viaBearer, dataVersion: found.dataVersion)
        } catch let error as StoreError {
            // A database that cannot answer is not a signed-out user: 503, not a login page.
            if case .database = error { throw error }
            // A malformed token or a user removed meanwhile: treated as signed out, the reason logged.
            context.logger.info("sessione non valida", metadata: ["motivo": "\(error)"])
            return nil
        }
    }
}
