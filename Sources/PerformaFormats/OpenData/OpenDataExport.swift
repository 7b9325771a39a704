import Foundation
import Performa

/// Writes the open-data files of a plan (and of its results, when given) into a folder:
/// `obiettivi.csv`, `obiettivi.json`, `indicatori.csv`, `indicatori.json`, `risultati.csv`, `risultati.json`.
public enum OpenDataExport {
    public static func tables(plan: Plan, scorecard: Scorecard?) -> [OpenDataTable] {
        [PlanOpenData.objectives(plan), PlanOpenData.indicators(plan)] + (scorecard.map { [ResultsOpenData.results($0)] } ?? [])
    }

    /// Writes every file, each atomically; returns the names written.
    @discardableResult
    public static func write(_ tables: [OpenDataTable], to folder: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for table in tables {
            for (suffix, text) in [("csv", table.csv), ("json", table.json)] {
                let name = "\(table.name).\(suffix)"
                try Data(text.utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
                written.append(name)
            }
        }
        return written
    }
}
