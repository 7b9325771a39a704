/// *Carica un file*: the struttura tecnica uploads a plan or results; the page shows what was read, the validator's
/// findings and what would change, and only a second, explicit confirmation writes it.
struct UploadView: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Finding: Sendable {
        var severity: String
        var css: String
        var location: String
        var message: String
    }

    struct Change: Sendable {
        var kind: String
        var subject: String
        var key: String
        var title: String
        var details: [String]
    }

    /// What was read, waiting for the confirmation.
    struct Preview: Sendable {
        var fileName: String
        var summary: [String]
        var outcome: String
        var findings: [Finding]
        var hasFindings: Bool
        var blocked: Bool
        var changes: [Change]
        var hasChanges: Bool
        var needsAct: Bool
        /// The file, sent back with the confirmation (read again then, never trusted from the form).
        var payload: String
        var kind: String
        var plan: String
        var confirmAction: String
    }

    var page: PageChrome
    var action: String
    var kinds: [Option]
    var plans: [Option]
    var preview: Preview?
    var errorSummary: FormErrorSummary?
    var today: String
}
