import Foundation
import Hummingbird
import PerformaStore

/// The audit log in the browser (struttura tecnica and OIV; the store refuses the other roles): `?oggetto=plan`,
/// `?chiave=cciaa-brescia-2021-2023/1.1.2` (a key prefix), `?persona=USER_ID`, `?prima=ENTRY_ID` for older entries.
struct AuditLogPage: Sendable {
    let app: WebApp

    static let path = "/registro"
    static let pageSize = 100

    func addRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(Self.path), use: show)
    }

    @Sendable func show(_ request: Request, context: WebRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let query = request.uri.queryParameters
        func filter(_ name: String) -> String? {
            guard let value = query.get(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return String(value.prefix(1_000))
        }
        let entity = filter("oggetto"), key = filter("chiave"), actor = filter("persona"), before = filter("prima")
        let entries = try await app.store.auditLog(user.context, AuditQuery(entity: entity, entityKeyPrefix: key, actor: actor, before: before,
                                                                            limit: Self.pageSize + 1))
        let users = try await app.store.users(user.context)
        let names = Dictionary(users.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let shown = entries.prefix(Self.pageSize)
        var older: String?
        if entries.count > Self.pageSize, let last = shown.last {
            var parts = [("prima", last.id)]
            if let entity { parts.append(("oggetto", entity)) }
            if let key { parts.append(("chiave", key)) }
            if let actor { parts.append(("persona", actor)) }
            older = Self.path + "?" + parts.map { "\($0.0)=\(Paths.encode($0.1))" }.joined(separator: "&")
        }
        let knownEntities = Set(AuditLogView.entityLabels.keys).union(entity.map { [$0] } ?? [])
        let organization = try await app.store.organization(user.context)
        let view = AuditLogView(
            page: PageChrome(title: "Registro delle modifiche", organization: organization.name, context: context),
            action: Self.path,
            entities: knownEntities.map { AuditLogView.Option(value: $0, label: AuditLogView.label(AuditLogView.entityLabels, $0), selected: $0 == entity) }
                .sorted { $0.label < $1.label },
            actors: users.map { AuditLogView.Option(value: $0.id, label: "\($0.displayName) (\($0.username))", selected: $0.id == actor) },
            key: key ?? "",
            entries: shown.map { entry in
                AuditLogView.Entry(id: entry.id, when: Display.moment(entry.at), who: names[entry.actor] ?? entry.actor,
                                   role: Role(rawValue: entry.role)?.italian ?? entry.role,
                                   action: AuditLogView.label(AuditLogView.actionLabels, entry.action),
                                   entity: AuditLogView.label(AuditLogView.entityLabels, entry.entity), key: entry.entityKey,
                                   before: entry.before, after: entry.after, hasDetail: entry.before != nil || entry.after != nil)
            },
            hasEntries: !shown.isEmpty, older: older)
        return try app.pages.page("registro", view)
    }
}
