/// When an outbox message is due: unsent, its next attempt has come, and no live lease holds it. `claimMail` leases
/// exactly these (its statement spells the rule out with bound values; keep the two alike); the mail sender asks
/// which organizations have any before it leases (`organizationsWithMailDue`).
enum MailDue {
    /// The rule on the outbox row `alias` at the moment `now` (both SQL expressions).
    static func predicate(_ alias: String, now: String) -> String {
        "\(alias).sent_at IS NULL AND \(alias).next_attempt_at <= \(now) AND (\(alias).claimed_until IS NULL OR \(alias).claimed_until < \(now))"
    }
}
