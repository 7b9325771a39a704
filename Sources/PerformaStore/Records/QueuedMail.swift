import Foundation

/// An e-mail to send, as the application composes it. `id` is the deduplication key: the same notice (say, the
/// opening of the 31/12/2021 collection for one manager) always gets the same id, so enqueueing it again is a no-op.
public struct OutgoingMail: Hashable, Sendable, Codable {
    public var id: String
    /// What the notice is about (`campaign-open`, `campaign-reminder`, `override`, `appraisal`), for the outbox page.
    public var kind: String
    /// The user it is for, when it is for a user (nil for an address typed by hand).
    public var recipientUser: String?
    public var recipient: String
    public var subject: String
    public var body: String

    public init(id: String, kind: String, recipientUser: String?, recipient: String, subject: String, body: String) {
        self.id = id
        self.kind = kind
        self.recipientUser = recipientUser
        self.recipient = recipient
        self.subject = subject
        self.body = body
    }
}

/// A message in the outbox with its delivery state.
public struct QueuedMail: Hashable, Sendable {
    public var organization: String
    public var mail: OutgoingMail
    public var createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date
    public var sentAt: Date?
    public var lastError: String?

    /// When a refused message would be tried again: never.
    static let never = Date.distantFuture

    /// Refused for good (`MailDelivery.refused`): kept with its reason, not tried again.
    public var isRefused: Bool { sentAt == nil && nextAttemptAt >= Self.never.addingTimeInterval(-86_400) }
}

/// How a delivery attempt ended, as the sender reports it to the outbox.
public enum MailDelivery: Sendable {
    case sent
    /// The server refused or could not be reached; the message is tried again at `retryAt`.
    case failed(reason: String, retryAt: Date)
    /// Trying again will not help (a 5xx reply, an address that is not one): kept with the reason, never retried.
    case refused(reason: String)
}
