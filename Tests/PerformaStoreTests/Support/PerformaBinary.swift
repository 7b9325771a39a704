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

    /// Runs `performa` with `arguments` to completion.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = try url
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "PERFORMA_DATABASE_URL")
        process.environment = variables.merging(environment) { $1 }
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
