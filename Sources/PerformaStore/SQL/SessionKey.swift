/// One session lookup of a request: which session (organization and token hash) and the request's time.
struct SessionKey: Sendable {
    /// A session as the database identifies it.
    struct Identity: Hashable, Sendable {
        let organization: String
        let tokenHash: String
    }

    let organization: String
    let tokenHash: String
    /// `StoreTime.text` of the request's time: the session must expire after it.
    let now: String

    var identity: Identity { Identity(organization: organization, tokenHash: tokenHash) }
}
