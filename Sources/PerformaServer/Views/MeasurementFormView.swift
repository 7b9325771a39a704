import Foundation
import Performa
import PerformaStore

struct MeasurementFormView: Sendable {
    struct Errors: Sendable {
        var value: String?
        var evidence: String?
        var general: String?
        var any: Bool { value != nil || evidence != nil || general != nil }

        /// Every error at once, in the order of the form, each linked to its field.
        var summary: FormErrorSummary? {
            FormErrorSummary([general.map { .init(message: $0) }, value.map { .init(message: $0, href: "#valore") },
                              evidence.map { .init(message: $0, href: "#evidenza") }].compactMap { $0 })
        }
    }

    struct HistoryRow: Sendable {
        var revision: String
        var value: String
        var note: String
        var author: String
        var recordedBy: String
        var at: String
        var evidence: String
        var illustrative: Bool
    }

    struct FileRow: Sendable {
        var name: String
        var href: String
        var detail: String
    }

    let page: PageChrome
    let objective: String
    let objectiveHref: String
    let number: String
    let title: String
    let checkpoint: String
    let target: String
    let kind: String
    let hint: String
    let baseline: String
    let weight: String
    let evidenceRequired: String?
    let current: ScoreLine?
    let currentValue: String
    let campaignState: String
    let refusal: String?
    let canEnter: Bool
    let action: String
    let revision: String
    let entered: String
    let note: String
    let errors: Errors
    let errorSummary: FormErrorSummary?
    /// A document stored by a refused submission, linked to the value when the form is saved.
    let keptEvidence: String?
    let history: [HistoryRow]
    let files: [FileRow]
    /// Shown before saving when the OIV validated the current value (`JudgementWarning`).
    let judgementWarning: String?
}
