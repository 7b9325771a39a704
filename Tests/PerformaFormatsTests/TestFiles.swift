import Foundation
import Performa
@testable import PerformaFormats

/// Paths of the repository's example files, found from this source file's location.
enum TestFiles {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let bresciaPlan = repository.appendingPathComponent("examples/cciaa-brescia-2021-2023.yaml")
    static let bresciaResults = repository.appendingPathComponent("examples/results-2021.yaml")
    static let seed = repository.deletingLastPathComponent().appendingPathComponent("shared/seed/000_577f61ae6b7c0645.txt")

    static func brescia() throws -> Plan { try PlanFile.read(contentsOf: bresciaPlan) }
}
