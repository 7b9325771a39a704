/// One session lookup of a request: which session and the request's time.
struct SessionKey: Sendable {
    /// A session as the database identifies it.
    struct Identity: Hashable, Sendable {
        let organization: String
        let tokenHash: String
    }

    let identity: Identity
    /// `StoreTime.text` of the request's time: the session must expire after it.
    let now: String
}
