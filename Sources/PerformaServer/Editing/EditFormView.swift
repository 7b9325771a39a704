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
    var error: String?
    var cancelHref: String

    init(heading: String, snapshot: PlanSnapshot, user: SignedInUser, context: WebRequestContext, form: EditForm, action: String, intro: String? = nil) {
        let info = snapshot.stored.info
        page = PageChrome(title: heading, section: .plan, plan: snapshot.stored, context: context,
                          breadcrumbs: [.init(label: "Piano", href: Paths.planOverview(info.planID))])
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
        cancelHref = Paths.planOverview(info.planID)
    }

    /// After a refused submission: the revision fields as submitted, and the message either next to its field or,
    /// when it concerns no field of the form, at the top.
    mutating func refill(from input: FormInput, error: EditError) {
        revision.refill(from: input, error: error)
        let fields = Set(form.fields.map(\.name) + revision.fields.map(\.name))
        if error.field == nil || !fields.contains(error.field ?? "") { self.error = error.message }
    }
}
