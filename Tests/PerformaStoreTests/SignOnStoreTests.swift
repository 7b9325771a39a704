import Foundation
import Testing
@testable import PerformaStore

@Suite("Single sign-on in the store")
struct SignOnStoreTests {
    @Test("a pending sign-on is taken once and not after it expires; users matched by e-mail or fiscal code, never across organizations",
          arguments: TestBackend.allCases)
    func signOn(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let admin = TestPlans.admin(TestPlans.organization("accesso"))
            let other = TestPlans.admin(TestPlans.organization("altro"))
            _ = try await store.createOrganization(id: admin.organization, name: "Ente accesso", actor: "installazione")
            _ = try await store.createOrganization(id: other.organization, name: "Altro ente", actor: "installazione")

            let pending = PendingSignOn(state: "stato-1", nonce: "nonce-1", codeVerifier: "verifica-1", target: "/piani",
                                        expiresAt: Date().addingTimeInterval(600))
            try await store.beginSignOn(organization: admin.organization, pending)
            #expect(try await store.takeSignOn(organization: other.organization, state: "stato-1", at: Date()) == nil)
            let taken = try #require(try await store.takeSignOn(organization: admin.organization, state: "stato-1", at: Date()))
            #expect(taken.nonce == "nonce-1" && taken.codeVerifier == "verifica-1" && taken.target == "/piani")
            #expect(try await store.takeSignOn(organization: admin.organization, state: "stato-1", at: Date()) == nil)
            try await store.beginSignOn(organization: admin.organization, PendingSignOn(state: "stato-2", nonce: "n", codeVerifier: "v", target: "/",
                                                                                        expiresAt: Date().addingTimeInterval(60)))
            #expect(try await store.takeSignOn(organization: admin.organization, state: "stato-2", at: Date().addingTimeInterval(120)) == nil)

            let rossi = try await store.createUser(admin, NewUser(username: "rossi", displayName: "Mario Rossi", email: "Mario.Rossi@Ente.it",
                                                                  role: .manager, passwordHash: "h"))
            #expect(try await store.signOnUser(organization: admin.organization, by: .email, value: "mario.rossi@ente.it")?.id == rossi.id)
            #expect(try await store.signOnUser(organization: other.organization, by: .email, value: "mario.rossi@ente.it") == nil)
            #expect(try await store.signOnUser(organization: admin.organization, by: .fiscalCode, value: "RSSMRA80A01H501U") == nil)

            try await store.setFiscalCode(admin, userID: rossi.id, fiscalCode: "rssmra80a01h501u")
            #expect(try await store.fiscalCode(admin, userID: rossi.id) == "RSSMRA80A01H501U")
            #expect(try await store.signOnUser(organization: admin.organization, by: .fiscalCode, value: "RSSMRA80A01H501U")?.id == rossi.id)
            await #expect(throws: StoreError.self) { try await store.setFiscalCode(admin, userID: rossi.id, fiscalCode: "RSSMRA80A01H501X") }
            await #expect(throws: StoreError.self) { try await store.setFiscalCode(rossi.context, userID: rossi.id, fiscalCode: nil) }
            let bianchi = try await store.createUser(admin, NewUser(username: "bianchi", displayName: "Anna Bianchi", role: .viewer, passwordHash: "h"))
            await #expect(throws: StoreError.alreadyExists(subject: "un altro utente con il codice fiscale RSSMRA80A01H501U")) {
                try await store.setFiscalCode(admin, userID: bianchi.id, fiscalCode: "RSSMRA80A01H501U")
            }

            try await store.recordSignOnRefusal(organization: admin.organization, reason: "nessun utente", identity: "ignoto@ente.it")
            try await store.recordSignOn(rossi.context, issuer: "https://idp.example", subject: "s-1", matchedBy: .fiscalCode, value: "RSSMRA80A01H501U")
            let log = try await store.auditLog(admin, AuditQuery(entity: "sign-on"))
            #expect(Set(log.map(\.action)) == ["login", "login-refused"])
            #expect(try await store.auditLog(other, AuditQuery(entity: "sign-on")).isEmpty)
        }
    }
}
