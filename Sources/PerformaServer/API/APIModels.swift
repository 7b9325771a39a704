import Foundation
import Performa
import PerformaStore

/// The JSON shapes of the API (docs/api/openapi.yaml describes each one). Domain types go out as they are where
/// their encoding is already the documented file format (plans, diagnostics, stored measurements); the rest are
/// flat views made for clients.
enum APIModels {
    /// A JSON object a client sends. Its fields are listed so that an unknown one (a misspelt `expectedRevison`)
    /// is refused rather than ignored, as the plan files refuse a key they do not know.
    protocol RequestBody: Codable, Sendable {
        static var fields: Set<String> { get }
    }

    struct SessionRequest: RequestBody {
        var organization: String
        var username: String
        var password: String
        static let fields: Set<String> = ["organization", "username", "password"]
    }

    struct SessionResponse: Codable, Sendable {
        var token: String
        var expiresAt: Date
        var organization: String
        var username: String
        var displayName: String
        var role: String
    }

    /// A scheda of individual appraisal in a list: who, where it stands, the final points, the steps the user may take.
    struct AppraisalSummary: Codable, Sendable {
        var year: Int
        var person: String
        var name: String
        var category: String
        var profile: String?
        var evaluator: String?
        var state: String
        var points: Double?
        var rowVersion: Int
        var nextActions: [String]
    }

    /// One scheda: its summary, the computed scheda (components, objectives, behaviours, steps) and its workflow.
    struct AppraisalDetail: Codable, Sendable {
        var summary: AppraisalSummary
        var appraisal: Appraisal?
        var progress: AppraisalProgress
        var ratings: [BehaviourRating]
    }

    struct AppraisalActionRequest: RequestBody {
        var action: String
        var rowVersion: Int
        var day: String?
        var text: String?
        var outcome: String?
        static let fields: Set<String> = ["action", "rowVersion", "day", "text", "outcome"]
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

    struct MeasurementRequest: RequestBody {
        var indicator: String
        var at: String
        var value: String
        var note: String?
        /// The revision the client saw as current (0 for none); omit to append after whatever is current.
        var expectedRevision: Int?

        /// What `expectedRevision` may be (the store keeps revisions as 32-bit integers on PostgreSQL).
        static let revisions = 0...Int(Int32.max)
        static let fields: Set<String> = ["indicator", "at", "value", "note", "expectedRevision"]
    }

    static func indicator(_ key: IndicatorKey, _ indicator: Indicator) -> IndicatorView {
        IndicatorView(key: key.description, objective: key.objective, number: key.number, title: indicator.title, baseline: indicator.baseline?.text,
                      weight: indicator.weight, evidence: indicator.evidence,
                      targets: indicator.targets.map { TargetView(at: $0.at, text: $0.target.text, kind: $0.target.kind.shapeName,
                                                                  valueHint: $0.target.kind.valueHint, weight: $0.weight) })
    }
}
