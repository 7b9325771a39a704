import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run on NIO's thread pool: a hash takes a quarter of a second at cost 12 and must not stall the
/// event loop that serves the other requests.
struct PasswordHasher: Sendable {
    let cost: UInt8
    /// Verified when the username is unknown, so that a wrong username takes as long as a wrong password
    /// and the login page does not reveal which usernames exist.
    let decoyHash: String

    init(cost: UInt8) {
        self.cost = cost
        decoyHash = Bcrypt.hash(RandomToken.make(), cost: cost)
    }

    func hash(_ password: String) async throws -> String {
        try await Self.hash(password, cost: cost)
    }

    /// A new hash without a hasher (no decoy needed): the demo users' passwords.
    static func hash(_ password: String, cost: UInt8) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String?) async throws -> Bool {
        let target = hash ?? decoyHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: target) }
        return matches && hash != nil
    }
}
