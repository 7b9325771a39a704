import Foundation
import Logging
import Performa
import PerformaStore
import ServiceLifecycle

/// The background task of e-mail: every `interval` seconds, for each organization, it enqueues the collection
/// notices due today (the outbox keeps each once, however many passes or instances enqueue it), then hands the
/// messages due to the mail server. A message is leased while it is being sent, so two instances never send it
/// both; a failure is retried after a delay that doubles at each attempt (from `interval`, up to six hours).
///
/// Delivery is at least once: if the process dies after the server accepted a message and before the outbox
/// recorded it, the lease runs out and the message is sent again, with the same Message-ID.
struct MailService: Service {
    let notifier: Notifier
    /// nil: nothing is sent (the outbox fills and waits for a server to be configured).
    let settings: MailSettings?
    let interval: TimeInterval
    let logger: Logger
    let worker = "performa-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"

    var store: any PerformaStore { notifier.store }

    static let batch = 50
    static let lease: TimeInterval = 300
    static let longestDelay: TimeInterval = 6 * 3600

    init(notifier: Notifier, settings: MailSettings?, logger: Logger) {
        self.notifier = notifier
        self.settings = settings
        interval = settings?.interval ?? 60
        self.logger = logger
    }

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await pass(now: Date())
                try await Task.sleep(for: .seconds(interval))
            }
        }
    }

    /// One pass over every organization. Errors are logged; the next pass tries again.
    func pass(now: Date) async {
        do {
            let organizations = try await store.organizationDirectory()
            // What to do for each organization, asked of all in a few statements, not in a transaction each: at
            // 10.000 organizations that took about 2 s of CPU every minute (docs/performance.md, sixth pass).
            let identifiers = organizations.map(\.id)
            let scheduled = try await store.scheduledCampaigns(organizations: identifiers)
            let due = settings == nil ? [] : try await store.organizationsWithMailDue(identifiers, at: now)
            let today = Display.today(now)
            for organization in organizations {
                do {
                    let added = try await notifier.campaignNotices(organization.id, scheduled: scheduled[organization.id] ?? [], today: today)
                    // Messages enqueued after the question above (by a request, or another instance) go at the next pass.
                    if let settings, added > 0 || due.contains(organization.id) { try await deliver(organization.id, settings) }
                } catch {
                    logger.error("posta: passaggio non riuscito", metadata: ["ente": "\(organization.id)", "errore": "\(error)"])
                }
            }
        } catch {
            logger.error("posta: elenco degli enti, delle rilevazioni programmate o dei messaggi in attesa non leggibile", metadata: ["errore": "\(error)"])
        }
    }

    /// Sends what is due, one connection per batch. A connection that cannot be opened fails the whole batch.
    func deliver(_ organization: String, _ settings: MailSettings) async throws {
        while true {
            let claimed = try await store.claimMail(organization: organization, worker: worker, lease: Self.lease, limit: Self.batch)
            guard !claimed.isEmpty else { return }
            var settled = Set<String>()
            do {
                try await SMTPClient(settings: settings).withSession { session in
                    for queued in claimed {
                        let outcome: MailDelivery
                        do {
                            try await session.send(MailMessage(queued.mail, organization: organization, from: settings.from, date: Date()))
                            outcome = .sent
                        } catch let error as SMTPError where error.permanent {
                            outcome = .refused(reason: "rifiutato, non sarà ritentato: \(error.description)")
                        } catch let error as SMTPError {
                            outcome = .failed(reason: error.description, retryAt: retryTime(after: queued.attempts + 1))
                        }
                        try await store.settleMail(organization: organization, id: queued.mail.id, worker: worker, outcome)
                        settled.insert(queued.mail.id)
                    }
                }
            } catch {
                let reason = (error as? SMTPError)?.description ?? "server di posta non raggiungibile: \(error)"
                logger.warning("posta: invio non riuscito, nuovo tentativo più tardi", metadata: ["ente": "\(organization)", "errore": "\(reason)"])
                for queued in claimed where !settled.contains(queued.mail.id) {
                    try await store.settleMail(organization: organization, id: queued.mail.id, worker: worker,
                                               .failed(reason: reason, retryAt: retryTime(after: queued.attempts + 1)))
                }
                return
            }
            logger.info("posta: messaggi consegnati al server", metadata: ["ente": "\(organization)", "messaggi": "\(settled.count)"])
        }
    }

    /// `interval` × 2^(attempts − 1), at most six hours.
    func retryTime(after attempts: Int) -> Date {
        Date().addingTimeInterval(min(Self.longestDelay, interval * pow(2, Double(min(attempts, 30) - 1))))
    }
}
