import ArgumentParser
import Foundation
import Performa
import PerformaFormats

/// Reading inputs for commands: errors become an Italian message on standard error and exit status 2.
enum CommandSupport {
    static func loadPlan(_ path: String) throws -> Plan {
        try reporting { try PlanFile.read(contentsOf: URL(fileURLWithPath: path)) }
    }

    static func loadResults(_ path: String, plan: Plan) throws -> Results {
        try reporting { try ResultsFile.read(contentsOf: URL(fileURLWithPath: path), plan: plan) }
    }

    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as FileError {
            printError("Errore: \(error)")
            throw ExitCode(2)
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            printError("Errore: impossibile scrivere «\(path)» (\(error.localizedDescription))")
            throw ExitCode(2)
        }
    }
}
