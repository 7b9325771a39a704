import Testing
@testable import PerformaServer
import PerformaStore

@Suite("Server configuration")
struct ServerConfigurationTests {
    @Test("defaults: loopback, port 8080, the embedded SQLite file, no demo")
    func defaults() {
        let configuration = ServerConfiguration()
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.database == .defaultSQLite)
        #expect(!configuration.demo)
    }
}
