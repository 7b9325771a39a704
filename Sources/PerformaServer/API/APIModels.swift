import Foundation
import Performa
import PerformaStore

/// The JSON shapes of the API (docs/api/openapi.yaml describes each one). Domain types go out as they are where
/// their encoding is already the documented file format (plans, diagnostics, stored measurements); the rest are
/// flat views made for clients.
enum APIModels {
    struct SessionRequest: Codable, Sendable {
        var organization: String
        var username: String
        var password: String
    }

    struct SessionResponse: Codable, Sendable {
        var token: String
        var expiresAt: Date
        var organization: String
        var username: String
        var displayName: String
        var role: String
    }

    struct ObjectiveSummary: Codable, Sendable {
        var key: String
        var code: String
        var level: String
        var parent: String
        var title: String
        var weight: Double?
        var indicators: Int
    }

    struct ObjectiveDetail: Codable, Sendable {
        var key: String
        var code: String
        var level: String
        var parent: String
        var title: String
        var weight: Double?
        var description: String?
        var unitsInvolved: String?
        var staffCommitted: String?
        var relevance: Double?
        var assignedTo: [Assignee]
        var indicators: [IndicatorView]
    }

    struct Assignee: Codable, Sendable {
        var manager: String
        var weight: Double
    }

    struct IndicatorView: Codable, Sendable {
        var key: String
        var objective: String
        var number: Int
        var title: String
        var baseline: String?
        var weight: Double?
        var evidence: String?
        var targets: [TargetView]
    }

    struct TargetView: Codable, Sendable {
        var at: Day
        var text: String
        /// The shape the target was read as (`percentuale`, `sì/no`, …) and what a value must look like.
        var kind: String
        var valueHint: String
        var weight: Double?
    }

    struct MeasurementRequest: Codable, Sendable {
        var indicator: String
        var at: String
        var value: String
        var note: String?
        /// The revision the client saw as current (0 for none); omit to append after whatever is current.
        var expectedRevision: Int?
    }

    static func indicator(_ key: IndicatorKey, _ indicator: Indicator) -> IndicatorView {
        IndicatorView(key: key.description, objective: key.objective, number: key.number, title: indicator.title, baseline: indicator.baseline?.text,
                      weight: indicator.weight, evidence: indicator.evidence,
                      targets: indicator.targets.map { TargetView(at: $0.at, text: $0.target.text, kind: $0.target.kind.shapeName,
                                                                  valueHint: $0.target.kind.valueHint, weight: $0.weight) })
    }
}
