import Foundation
import Testing

/// `performa serve --demo` finds its demo files wherever it is started, not only in the repository's root.
@Suite("performa serve --demo")
struct DemoServeTests {
    @Test("started from a folder outside the repository, it loads the Brescia plan and listens")
    func demoFromAnotherFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServerProcess(["serve", "--demo", "--port", "0", "--database", "sqlite:" + folder.appendingPathComponent("demo.sqlite").path], in: folder)
        defer { server.stop() }
        let output = try await server.waitUntilListening()
        #expect(output.contains("in ascolto"), "\(output)")
        #expect(output.contains("cciaa-brescia-2021-2023"), "\(output)")
        #expect(!output.contains("non trovati"), "\(output)")
    }
}
