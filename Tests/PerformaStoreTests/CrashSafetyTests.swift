import Foundation
import Performa
import Testing
@testable import PerformaStore
#if canImport(Glibc)
import Glibc
#endif

@Suite("Crash safety")
struct CrashSafetyTests {
    @Test("SIGKILL in the middle of a stream of writes: the file is intact and every acknowledged write is there")
    func killedWriterLosesNothingAcknowledged() async throws {
        try await TestBackend.sqlite.withEmptyDatabase { url in
            guard case .sqlite(let path) = url else { return }
            let context = try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in try await TestPlans.seeded(store, "crash") }

            let process = Process()
            process.executableURL = try PerformaBinary.url
            process.arguments = ["write-drill", "--database", "sqlite:\(path)", "--organization", context.organization,
                                 "--plan", "piano-prova", "--indicator", "1.1.1/1", "--at", "2021-12-31"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()

            // Read acknowledgements until enough have arrived, then kill the writer without warning.
            var acknowledged: [Int] = []
            var buffer = Data()
            let reader = output.fileHandleForReading
            while acknowledged.count < 40 {
                let chunk = reader.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...newline)
                    let parts = line.split(separator: " ")
                    if parts.count == 3, parts[0] == "ok", let revision = Int(parts[1]) { acknowledged.append(revision) }
                }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let confirmed = acknowledged
            #expect(confirmed.count >= 40)

            // The file passes SQLite's own check, and the store finds every acknowledged value.
            let database = try await SQLiteStoreDatabase.open(path: path, logger: TestBackend.logger)
            let check = try await database.transaction(.read, organization: nil) { db in
                try await db.raw("PRAGMA integrity_check").first()!.text("integrity_check")
            }
            await database.close()
            #expect(check == "ok")
            try await StoreLauncher.withStore(url, logger: TestBackend.logger) { store in
                let history = try await store.measurementHistory(context, planID: "piano-prova", indicator: .key("1.1.1/1"), at: .yearEnd(2021))
                let stored = Set(history.map(\.revision))
                let missing = confirmed.filter { !stored.contains($0) }
                #expect(missing.isEmpty)
                #expect(history.map(\.revision) == Array(1...history.count))
                #expect(history.allSatisfy { $0.text == "\($0.revision)" })
            }
        }
    }
}
