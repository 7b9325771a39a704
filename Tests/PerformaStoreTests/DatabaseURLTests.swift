import Foundation
import Testing
@testable import PerformaStore

@Suite("Database URL")
struct DatabaseURLTests {
    @Test("sqlite and postgres URLs parse; the default is the embedded SQLite file")
    func parses() throws {
        #expect(try DatabaseURL(parsing: "sqlite:./data/performa.sqlite") == .sqlite(path: "./data/performa.sqlite"))
        #expect(try DatabaseURL(parsing: "sqlite:///tmp/p.sqlite") == .sqlite(path: "/tmp/p.sqlite"))
        guard case .postgres(let url) = try DatabaseURL(parsing: "postgres://performa@127.0.0.1:5433/performa") else {
            Issue.record("not a postgres URL")
            return
        }
        #expect(url.port == 5433)
        #expect(try DatabaseURL.resolve(option: nil, environment: [:]) == .defaultSQLite)
        #expect(try DatabaseURL.resolve(option: nil, environment: ["PERFORMA_DATABASE_URL": "sqlite:x.db"]) == .sqlite(path: "x.db"))
        #expect(try DatabaseURL.resolve(option: "sqlite:y.db", environment: ["PERFORMA_DATABASE_URL": "sqlite:x.db"]) == .sqlite(path: "y.db"))
    }

    @Test("a bad URL gets an Italian error; passwords never print")
    func errorsAndSecrets() throws {
        #expect(throws: DatabaseURLError.self) { try DatabaseURL(parsing: "mysql://x") }
        #expect((try? DatabaseURL(parsing: "sqlite:")) == nil)
        let url = try DatabaseURL(parsing: "postgres://performa:segreta@127.0.0.1:5432/performa")
        #expect(!url.description.contains("segreta"))
        #expect(url.description.contains("***"))
    }
}
