import Foundation
import SQLKit

extension SQLStore {
    /// Adds messages to the outbox; a message whose id is already there (sent or not) is skipped. Returns how many
    /// were added. The outbox is not plan data: cached pages stay valid.
    @discardableResult
    public func enqueueMail(_ context: AccessContext, _ messages: [OutgoingMail]) async throws -> Int {
        guard !messages.isEmpty else { return 0 }
        return try await write(context, changingData: false) { scope in
            var added = 0
            for message in messages {
                let inserted = try await scope.db.raw("""
                    INSERT INTO outbox (organization_id, message_id, kind, recipient_user, recipient, subject, body, created_at, attempts, next_attempt_at)
                    VALUES (\(bind: scope.organization), \(bind: message.id), \(bind: message.kind), \(bind: message.recipientUser), \
                    \(bind: message.recipient), \(bind: message.subject), \(bind: message.body), \(bind: scope.nowText), 0, \(bind: scope.nowText))
                    ON CONFLICT (organization_id, message_id) DO NOTHING
                    RETURNING message_id
                    """).first()
                if inserted != nil { added += 1 }
            }
            return added
        }
    }

    public func organizationsWithMailDue(_ organizations: [String], at now: Date) async throws -> Set<String> {
        let postgres = database.kind == .postgres, nowText = StoreTime.text(now)
        let rows = try await rowsAcross(organizations) { slice in
            postgres ? "SELECT organization_id FROM performa_mail_due(\(bind: slice), \(bind: nowText))"
                     : """
                       WITH moment(now) AS (SELECT \(bind: nowText))
                       SELECT DISTINCT o.organization_id FROM outbox o, moment
                       WHERE o.organization_id IN (\(binds: slice)) AND \(unsafeRaw: MailDue.predicate("o", now: "moment.now"))
                       """
        }
        return Set(try rows.map { try $0.text("organization_id") })
    }

    /// Leases up to `limit` messages due now to `worker` for `lease` seconds, so that no other sender (another
    /// instance, or this one after a restart) takes them meanwhile. A lease that runs out without an outcome (the
    /// sender died) makes the message due again. Due as `MailDue` says (spelled out here with bound values).
    public func claimMail(organization: String, worker: String, lease: TimeInterval, limit: Int) async throws -> [QueuedMail] {
        let context = AccessContext.mailSender(organization: organization)
        let skipLocked = database.kind == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await write(context, changingData: false) { scope in
            let rows = try await scope.db.raw("""
                SELECT * FROM outbox
                WHERE organization_id = \(bind: scope.organization) AND sent_at IS NULL AND next_attempt_at <= \(bind: scope.nowText)
                  AND (claimed_until IS NULL OR claimed_until < \(bind: scope.nowText))
                ORDER BY next_attempt_at, message_id LIMIT \(bind: limit)\(unsafeRaw: skipLocked)
                """).all()
            let until = StoreTime.text(scope.now.addingTimeInterval(lease))
            var claimed: [QueuedMail] = []
            for row in rows {
                let mail = try Self.queuedMail(row)
                try await scope.db.raw("""
                    UPDATE outbox SET claimed_by = \(bind: worker), claimed_until = \(bind: until)
                    WHERE organization_id = \(bind: scope.organization) AND message_id = \(bind: mail.mail.id)
                    """).run()
                claimed.append(mail)
            }
            return claimed
        }
    }

    /// Records how the delivery of a claimed message went. Only the worker holding the lease can settle it.
    public func settleMail(organization: String, id: String, worker: String, _ delivery: MailDelivery) async throws {
        let context = AccessContext.mailSender(organization: organization)
        try await write(context, changingData: false) { scope in
            switch delivery {
            case .sent:
                try await scope.db.raw("""
                    UPDATE outbox SET sent_at = \(bind: scope.nowText), attempts = attempts + 1, claimed_until = NULL, last_error = NULL
                    WHERE organization_id = \(bind: scope.organization) AND message_id = \(bind: id) AND claimed_by = \(bind: worker)
                    """).run()
            case .failed(let reason, let retryAt):
                try await scope.failed(id, worker: worker, reason: reason, retryAt: retryAt)
            case .refused(let reason):
                try await scope.failed(id, worker: worker, reason: reason, retryAt: QueuedMail.never)
            }
        }
    }

    /// The newest messages of the organization, for the struttura tecnica's outbox page.
    public func outbox(_ context: AccessContext, limit: Int) async throws -> [QueuedMail] {
        try await read(context) { scope in
            try scope.require([.admin], "consultare la posta in uscita")
            return try await scope.db.raw("""
                SELECT * FROM outbox WHERE organization_id = \(bind: scope.organization) ORDER BY created_at DESC, message_id LIMIT \(bind: limit)
                """).all().map(Self.queuedMail)
        }
    }

    static func queuedMail(_ row: any SQLRow) throws -> QueuedMail {
        QueuedMail(
            organization: try row.text("organization_id"),
            mail: OutgoingMail(id: try row.text("message_id"), kind: try row.text("kind"), recipientUser: try row.optionalText("recipient_user"),
                               recipient: try row.text("recipient"), subject: try row.text("subject"), body: try row.text("body")),
            createdAt: try row.time("created_at"), attempts: try row.integer("attempts"), nextAttemptAt: try row.time("next_attempt_at"),
            sentAt: try row.optionalText("sent_at").map(StoreTime.date), lastError: try row.optionalText("last_error"))
    }
}

extension Scope {
    /// Releases a claimed message with its error and the time of its next attempt (only for the lease holder).
    fileprivate func failed(_ id: String, worker: String, reason: String, retryAt: Date) async throws {
        try await db.raw("""
            UPDATE outbox SET attempts = attempts + 1, claimed_until = NULL, last_error = \(bind: String(reason.prefix(500))),
                next_attempt_at = \(bind: StoreTime.text(retryAt))
            WHERE organization_id = \(bind: organization) AND message_id = \(bind: id) AND claimed_by = \(bind: worker)
            """).run()
    }
}

extension AccessContext {
    /// The background sender's identity inside one organization.
    public static func mailSender(organization: String) -> AccessContext {
        AccessContext(organization: organization, user: "performa-posta", role: .admin)
    }
}
