import Foundation
import Performa
import PerformaFormats

/// Paths of the repository's examples and of the built `performa` tool, and helpers to read documents
/// the way a person does (their text, one objective's sheet).
enum ReportTestSupport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bresciaPlan = repository.appendingPathComponent("examples/cciaa-brescia-2021-2023.yaml")
    static let bresciaResults = repository.appendingPathComponent("examples/results-2021.yaml")

    static func brescia() throws -> Plan { try PlanFile.read(contentsOf: bresciaPlan) }
    static func results(_ plan: Plan) throws -> Results { try ResultsFile.read(contentsOf: bresciaResults, plan: plan) }

    /// The text a reader sees: tags dropped, entities decoded, whitespace (no-break spaces too) collapsed. `<style>` and `<title>`
    /// contents (the page's and the pictures' tooltips) are dropped too: only what is printed counts.
    static func text(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let open = UInt8(ascii: "<"), close = UInt8(ascii: ">")
        let hidden: [(open: [UInt8], close: [UInt8])] = [(Array("style".utf8), Array("/style".utf8)), (Array("title".utf8), Array("/title".utf8))]
        var skipping: [UInt8]?
        var i = 0
        while i < bytes.count {
            guard bytes[i] == open else {
                if skipping == nil { out.append(bytes[i]) }
                i += 1
                continue
            }
            var j = i + 1
            while j < bytes.count && bytes[j] != close { j += 1 }
            let tag = bytes[(i + 1)..<j]
            if let end = skipping {
                if tag.starts(with: end) { skipping = nil }
            } else if let pair = hidden.first(where: { tag.starts(with: $0.open) }) {
                skipping = pair.close
            }
            out.append(UInt8(ascii: " "))
            i = j + 1
        }
        var text = String(decoding: out, as: UTF8.self)
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{00A0}" }).joined(separator: " ")
    }

    /// The markup of one element with the given id, from its opening `<section` to the next section with
    /// an id of the same family (`obiettivo-1-1` ends where `obiettivo-1-1-1` starts).
    static func section(_ html: String, id: String, family: String) -> String? {
        guard let start = html.range(of: "<section aria-labelledby=\"\(id)\"") else { return nil }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "<section aria-labelledby=\"\(family)")?.lowerBound ?? rest.endIndex
        return String(html[start.lowerBound..<end])
    }

    /// The built `performa` tool, in the build folder beside (or above) the test bundle.
    static func performaTool() -> URL? {
        let starts = [Bundle.main.executableURL?.deletingLastPathComponent(), Bundle.main.bundleURL].compactMap { $0 }
        for start in starts {
            var folder = start
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("performa")
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs a program and waits for it; standard output and error go to files (no pipe can fill up).
    static func run(_ program: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out"), err = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Run(status: process.terminationStatus,
                   output: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                   error: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// The first of `names` found on the PATH.
    static func program(_ names: String...) -> URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders {
                let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
