import Foundation
import Performa

/// A person of a year's staff as the store keeps them: the person, the evaluator resolved when the staff was
/// loaded (their own, the head of their unit, …; see `EvaluatorResolution`), and the user they sign in as.
public struct StoredPerson: Hashable, Sendable {
    public var person: Person
    public var year: Int
    /// A person id, or an organ (`giunta`) when no person of the staff evaluates them.
    public var evaluator: String?
    public var userID: String?
}

/// One scheda of a year: what was entered (objectives, measurements, ratings) and where its workflow stands.
public struct StoredAppraisal: Hashable, Sendable {
    public var year: Int
    public var person: String
    public var input: AppraisalInput
    public var progress: AppraisalProgress
    /// Optimistic concurrency: pass it back to change the scheda; 0 for a scheda never written.
    public var rowVersion: Int
}
