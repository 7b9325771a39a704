import Foundation
import Performa
import PerformaStore

struct ValidationFormView: Sendable {
    struct Errors: Sendable {
        var achievement: String?
        var reason: String?
        var general: String?
    }

    struct FileLink: Sendable {
        var name: String
        var href: String
    }

    struct IndicatorRow: Sendable {
        var key: String
        var title: String
        var target: String
        var value: String
        var note: String?
        var reason: String?
        var line: ScoreLine
        var files: [FileLink]
        var formHref: String
        var current: Bool
    }

    let page: PageChrome
    let title: String
    let subject: String
    let checkpoint: String
    let checkpointValue: String
    let objectiveHref: String
    let computed: String
    let status: Badge
    let validated: String?
    let validatedBy: String?
    let validatedReason: String?
    /// The values the judgement that counts was made on.
    let judgedValues: String?
    /// The judgement of this subject that no longer counts, and why.
    let changedAfterValidation: String?
    let seen: String
    let rowVersion: String
    let hasOverride: Bool
    let indicators: [IndicatorRow]
    let mayValidate: Bool
    let action: String
    let entered: String
    let reason: String
    let errors: Errors
}
