import Foundation
import Performa
import PerformaFormats

/// The columns of a compiled roll-up as plain CSV tables (comma-separated, `.` decimals, empty for
/// "none"), for tools outside Performa — the pandas peer of the benchmarks reads them and computes the
/// same roll-up (`scripts/bench/peer_pandas.py`). Machine tables, not documents: English headers,
/// 0-based row numbers that the other tables refer to. Written as a stream: millions of rows are fine.
///
/// | file | columns |
/// |---|---|
/// | organizations.csv | organization, id, cap, threshold, bands, rule, missing, deadline_unit, deadline_loss |
/// | areas.csv | area, organization, weight |
/// | strategics.csv | strategic, area, weight, own_share, operational_share, own_group, override |
/// | groups.csv | group, organization, kind (own, operational, agency), parent (strategic or agency), weight, override |
/// | indicators.csv | indicator, group, rule, target, auxiliary, value, weight, override |
/// | parts.csv | part, rule, target, auxiliary, value (parts of compound targets; see `RuleMeasure`) |
/// | agencies.csv | agency, organization |
/// | managers.csv | manager, organization, id |
/// | assignments.csv | manager, objective_kind (group, strategic, unknown), objective, weight |
///
/// `scores.csv` (level, node, score, status) holds computed achievements, for comparing results.
public enum RollUpTables {
    public static let fileNames = ["organizations.csv", "areas.csv", "strategics.csv", "groups.csv", "indicators.csv", "parts.csv",
                                   "agencies.csv", "managers.csv", "assignments.csv"]

    public static func write(_ rollUp: CompiledRollUp, to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try table(directory, "organizations.csv", ["organization", "id", "cap", "threshold", "bands", "rule", "missing", "deadline_unit", "deadline_loss"]) { out in
            for o in 0..<rollUp.organizationCount {
                let policy = rollUp.policy(ofOrganization: o)
                out.row([String(o), rollUp.organizations.id[o], number(policy.cap), number(policy.threshold), String(policy.bands.count),
                         policy.rule.rawValue, policy.missingMeasurement.rawValue, policy.deadlineLoss.unit.rawValue, number(policy.deadlineLoss.lossPerUnit)])
            }
        }
        let areas = rollUp.areas
        try table(directory, "areas.csv", ["area", "organization", "weight"]) { out in
            for a in areas.code.indices { out.row([String(a), String(areas.organization[a]), number(areas.weight[a])]) }
        }
        let strategics = rollUp.strategics
        try table(directory, "strategics.csv", ["strategic", "area", "weight", "own_share", "operational_share", "own_group", "override"]) { out in
            for s in strategics.key.indices {
                out.row([String(s), String(strategics.area[s]), number(strategics.weight[s]), number(strategics.ownShare[s]),
                         number(strategics.operationalShare[s]), String(strategics.ownGroup[s]), number(strategics.override[s])])
            }
        }
        let groups = rollUp.groups
        let agencies = rollUp.agencies
        try table(directory, "groups.csv", ["group", "organization", "kind", "parent", "weight", "override"]) { out in
            for g in groups.key.indices {
                let parent = Int(groups.parent[g])
                let organization = groups.kind[g] == .agency ? agencies.organization[parent] : areas.organization[Int(strategics.area[parent])]
                out.row([String(g), String(organization), kindName(groups.kind[g]), String(groups.parent[g]), number(groups.weight[g]), number(groups.override[g])])
            }
        }
        let indicators = rollUp.indicators
        try table(directory, "indicators.csv", ["indicator", "group", "rule", "target", "auxiliary", "value", "weight", "override"]) { out in
            for i in indicators.rule.indices {
                let overridden = indicators.rule[i] & ScoringRule.overriddenFlag != 0
                out.row([String(i), String(indicators.group[i]), ruleName(ScoringRule(storedByte: indicators.rule[i])), number(indicators.target[i]),
                         number(indicators.auxiliary[i]), number(indicators.value[i]), number(indicators.weight[i]),
                         overridden ? number(indicators.override[i]) : ""])
            }
        }
        try table(directory, "parts.csv", ["part", "rule", "target", "auxiliary", "value"]) { out in
            let parts = rollUp.parts
            for n in parts.rule.indices {
                out.row([String(n), ruleName(parts.rule[n]), number(parts.target[n]), number(parts.auxiliary[n]), number(parts.value[n])])
            }
        }
        try table(directory, "agencies.csv", ["agency", "organization"]) { out in
            for a in agencies.id.indices { out.row([String(a), String(agencies.organization[a])]) }
        }
        let managers = rollUp.managers
        try table(directory, "managers.csv", ["manager", "organization", "id"]) { out in
            for m in managers.id.indices { out.row([String(m), String(managers.organization[m]), managers.id[m]]) }
        }
        try table(directory, "assignments.csv", ["manager", "objective_kind", "objective", "weight"]) { out in
            for m in managers.id.indices {
                for n in Int(managers.assignmentStart[m])..<Int(managers.assignmentStart[m + 1]) {
                    let objective = managers.assignmentObjective[n]
                    let (kind, node): (String, Int32) = objective == CompiledManagers.unknownObjective ? ("unknown", -1)
                        : objective >= 0 ? ("group", objective) : ("strategic", -(objective + 1))
                    out.row([String(m), kind, String(node), number(managers.assignmentWeight[n])])
                }
            }
        }
    }

    /// Computed achievements of every node (`level` is organization, area, strategic, group, agency,
    /// manager or indicator; `status` a `ScoreStatus` raw value).
    public static func writeScores(_ rollUp: CompiledRollUp, to file: URL) throws {
        try table(file.deletingLastPathComponent(), file.lastPathComponent, ["level", "node", "score", "status"]) { out in
            func level(_ name: String, _ scores: [Double], _ statuses: [UInt8]) {
                for n in scores.indices { out.row([name, String(n), number(scores[n]), ScoreStatus(compiledCode: statuses[n]).rawValue]) }
            }
            level("organization", rollUp.organizations.score, rollUp.organizations.status)
            level("area", rollUp.areas.score, rollUp.areas.status)
            level("strategic", rollUp.strategics.score, rollUp.strategics.status)
            level("group", rollUp.groups.score, rollUp.groups.status)
            level("agency", rollUp.agencies.score, rollUp.agencies.status)
            level("manager", rollUp.managers.score, rollUp.managers.status)
            level("indicator", rollUp.indicators.score, rollUp.indicators.status)
        }
    }

    /// Shortest text that reads back as the same number; empty for NaN ("none").
    static func number(_ value: Double) -> String { value.isNaN ? "" : "\(value)" }

    static func ruleName(_ rule: ScoringRule) -> String { String(describing: rule) }

    static func kindName(_ kind: CompiledGroupKind) -> String {
        switch kind {
        case .ownIndicators: return "own"
        case .operational: return "operational"
        case .agency: return "agency"
        }
    }

    private static func table(_ directory: URL, _ name: String, _ header: [String], _ rows: (inout TableWriter) -> Void) throws {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
            throw FileError(file: url.path, message: "impossibile creare il file")
        }
        defer { try? handle.close() }
        var writer = TableWriter(handle: handle)
        writer.row(header)
        rows(&writer)
        try writer.flush()
        if let failure = writer.failure { throw FileError(file: url.path, message: "scrittura non riuscita (\(failure))") }
    }
}

/// Buffered CSV rows to a file handle (CSVWriter does the quoting).
private struct TableWriter {
    let handle: FileHandle
    private let csv = CSVWriter(separator: ",")
    private var buffer = ""
    private(set) var failure: String?

    init(handle: FileHandle) { self.handle = handle }

    mutating func row(_ fields: [String]) {
        buffer += csv.line(fields)
        if buffer.utf8.count > 1 << 20 { try? flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty, failure == nil else { return }
        do {
            try handle.write(contentsOf: Data(buffer.utf8))
        } catch {
            failure = error.localizedDescription
        }
        buffer = ""
    }
}
