import Performa

/// The page of a plan edit form: the fields, and — when the plan is adopted — the reason and the act of the
/// revision the change will create. Carries the plan version and row version it was built from, so that a
/// change based on an outdated plan is refused instead of overwriting someone else's.
struct EditFormView: Sendable {
    var page: PageChrome
    var heading: String
    var intro: String?
    var action: String
    var form: EditForm
    var frozen: Bool
    var revision: EditForm
    var version: String
    var rowVersion: String
    /// Errors that concern no field of the form (an outdated plan, a refusal of the store).
    var errors: [String] = []
    /// Every error of a refused submission at once, each linked to its field.
    var errorSummary: FormErrorSummary?
    var cancelHref: String
    /// The label of a second button that removes what the form edits (`azione=elimina`); none when it cannot go.
    var deleteLabel: String?

    init(heading: String, snapshot: PlanSnapshot, user: SignedInUser, context: WebRequestContext, form: EditForm, action: String, intro: String? = nil,
         cancelHref: String? = nil, deleteLabel: String? = nil, section: PageChrome.Section = .plan) {
        let info = snapshot.stored.info
        // The form sits under the page it edits: the plan, the PIAO or the POLA.
        page = PageChrome(title: heading, section: section, plan: snapshot.stored, context: context,
                          breadcrumbs: [.init(label: section == .plan ? "Piano" : section.label,
                                              href: section == .plan ? Paths.planOverview(info.planID) : section.href(info.planID))])
        self.heading = heading
        self.intro = intro
        self.action = action
        self.form = form
        frozen = info.status == .adopted || info.status == .revised
        revision = EditForm(fields: [
            .textarea("motivo", "Motivo della revisione", "", hint: "Ad esempio: obiettivo aggiuntivo determinato alla fine del I semestre."),
            .text("organo", "Organo che approva", "Giunta camerale"),
            .text("numero-atto", "Numero dell'atto", "", hint: "Ad esempio 80 oppure 62/SG."),
            .text("data-atto", "Data dell'atto (GG/MM/AAAA)", ""),
        ])
        version = String(info.version)
        rowVersion = String(info.rowVersion)
        self.cancelHref = cancelHref ?? Paths.planOverview(info.planID)
        self.deleteLabel = deleteLabel
    }

    /// After a refused submission: the fields as submitted, each message next to its field, the ones that concern
    /// no field of the form at the top, and all of them in the summary, in the order of the form.
    mutating func refill(from input: FormInput, errors: [EditError]) {
        form.refill(from: input, errors: errors)
        revision.refill(from: input, errors: errors)
        let fields = form.fields + revision.fields
        let names = Set(fields.map(\.name))
        self.errors = errors.filter { !names.contains($0.field ?? "") }.map(\.message)
        errorSummary = FormErrorSummary(self.errors.map { FormErrorSummary.Item(message: $0) }
            + fields.compactMap { field in field.error.map { FormErrorSummary.Item(message: $0, href: "#campo-\(field.name)") } })
    }
}
