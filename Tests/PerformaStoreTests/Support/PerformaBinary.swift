import Foundation
import Testing

/// The `performa` executable built beside this test bundle, run as a child process.
enum PerformaBinary {
    static var url: URL {
        get throws {
            // The test runner lives in the build's products folder, and so does `performa`.
            let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for candidate in [folder, folder.deletingLastPathComponent(), folder.deletingLastPathComponent().deletingLastPathComponent()] {
                let binary = candidate.appendingPathComponent("performa")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
            }
            let message = "eseguibile performa non trovato accanto ai test (\(folder.path)): compilarlo con `swift build --build-tests`"
            Issue.record(Comment(rawValue: message))
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: message])
        }
    }

    struct Outcome {
        var status: Int32
        var output: String
        var errors: String
    }

    /// This process's environment without PERFORMA_DATABASE_URL (each test names its database), plus `extra`.
    static func environment(adding extra: [String: String]) -> [String: String] {
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "PERFORMA_DATABASE_URL")
        return variables.merging(extra) { $1 }
    }

    /// Runs `performa` with `arguments` to completion.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = try url
        process.arguments = arguments
        process.environment = Self.environment(adding: environment)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self), errors: String(decoding: errorData, as: UTF8.self))
    }
}

/// `performa serve` run as a child process, its output in a log file, stopped (SIGTERM) by `stop()`.
final class ServerProcess {
    let process = Process()
    let log: URL
    private let handle: FileHandle

    /// Starts `performa` with `arguments` in `folder` (the log is written there); PERFORMA_DATABASE_URL is not
    /// inherited, `environment` is added.
    init(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws {
        log = folder.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        handle = try FileHandle(forWritingTo: log)
        process.executableURL = try PerformaBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = PerformaBinary.environment(adding: environment)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    /// What the server has written so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits up to a minute for the server to say it listens; returns its output.
    func waitUntilListening() async throws -> String {
        for _ in 0..<240 where process.isRunning && !output.contains("in ascolto") {
            try await Task.sleep(for: .milliseconds(250))
        }
        return output
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? handle.close()
    }
}
