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
        let log = folder.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = try PerformaBinary.url
        process.arguments = ["serve", "--demo", "--port", "0", "--database", "sqlite:" + folder.appendingPathComponent("demo.sqlite").path]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PERFORMA_DATABASE_URL")
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        defer { if process.isRunning { process.terminate(); process.waitUntilExit() } }
        var output = ""
        for _ in 0..<240 where process.isRunning && !output.contains("in ascolto") {
            try await Task.sleep(for: .milliseconds(250))
            output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        }
        #expect(output.contains("in ascolto"), "\(output)")
        #expect(output.contains("cciaa-brescia-2021-2023"), "\(output)")
        #expect(!output.contains("non trovati"), "\(output)")
    }
}
