import Performa

/// The small pieces of Italian text every document prints the same way: weights, achievements, counts,
/// approval acts, objective labels, the cover.
enum DocumentText {
    /// Sign for "nothing here" in a table cell.
    static let none = "—"

    /// A weight in percent, `40,00%`; `—` when the plan gives none.
    static func weight(_ value: Double?) -> String {
        value.map { ItalianNumber.percentValue($0) } ?? none
    }

    /// An achievement fraction as a percentage, `99,27%`; `—` when there is none.
    static func percent(_ fraction: Double?) -> String {
        fraction.map { ItalianNumber.percent($0) } ?? none
    }

    static func count(_ value: Int) -> String { ItalianNumber.format(Double(value)) }

    /// A score as the reports print it: the achievement that counts, whether the OIV confirmed or corrected it (with
    /// the computed one beside a correction), and the status when it is not complete.
    static func score(_ score: Score) -> String {
        switch score.judgement {
        case .confirmation: return "\(percent(score.final)) (\(OIVJudgement.confirmation.italian))"
        case .correction: return "\(percent(score.final)) (\(OIVJudgement.correction.italian); calcolato \(percent(score.computed)))"
        case nil: break
        }
        guard let final = score.final else { return score.status.italian }
        return score.status == .complete ? percent(final) : "\(percent(final)) (\(score.status.italian))"
    }

    /// `Validato dall'OIV il 19/04/2021`, `Adottato con deliberazione della Giunta camerale n. 45 del 26/04/2021`.
    static func act(_ act: ApprovalAct) -> String {
        let number = act.number.map { " n. \($0)" } ?? ""
        let date = act.date.map { " del \($0.italian)" } ?? ""
        switch act.kind {
        case .oivValidation:
            return "Validato dall'\(act.body ?? "OIV")" + (act.date.map { " il \($0.italian)" } ?? "")
        case .adoption:
            return "Adottato con deliberazione" + (act.body.map { " della \($0)" } ?? "") + number + date
        case .revision:
            return "Revisione" + (act.body.map { " – \($0)" } ?? "") + number + date
        case .other:
            return act.note ?? ((act.body ?? "Atto") + number + date)
        case .reportAdoption:
            return "Relazione sulla performance adottata con deliberazione" + (act.body.map { " della \($0)" } ?? "") + number + date
        case .reportValidation:
            return "Relazione sulla performance validata dall'\(act.body ?? "OIV")" + (act.date.map { " il \($0.italian)" } ?? "")
        }
    }

    static func actKind(_ kind: ApprovalAct.Kind) -> String { kind.italian }

    /// The name of a manager as the assignment table prints it: `dr Massimo Ziletti`.
    static func managerName(_ manager: Manager) -> String {
        (manager.honorific.map { $0 + " " } ?? "") + manager.name
    }

    /// `Obiettivo strategico 1.2 Visibilità …`, `1.2.1 Miglioramento …`, `PB.1 Realizzazione …`.
    static func objectiveLabel(_ entry: PlanIndex.Entry) -> String {
        switch entry.level {
        case .strategic: return "Obiettivo strategico \(entry.key) \(entry.sheet.title)"
        case .operational, .agency: return "\(entry.key) \(entry.sheet.title)"
        case .measure: return "Misura di prevenzione \(entry.key) \(entry.sheet.title)"
        }
    }

    /// The organization's short name, else its name.
    static func organization(_ plan: Plan) -> String { plan.organization.shortName ?? plan.organization.name }

    /// The cover of every document: organization, title, subtitle, the plan's acts.
    static func cover(plan: Plan, title: String, subtitle: String?, extra: [String] = []) -> String {
        var out = "<p class=\"ente\">\(XMLText.escape(plan.organization.name))</p>"
        out += "<h1>\(XMLText.escape(title))</h1>"
        if let subtitle { out += "<p class=\"sub\">\(XMLText.escape(subtitle))</p>" }
        let acts = (plan.acts ?? []).filter { $0.kind != .other }
        if !acts.isEmpty {
            out += "<div class=\"atti\">" + acts.map { "<p>\(XMLText.escape(act($0)))</p>" }.joined() + "</div>"
        }
        var status = "Stato del piano: \(plan.status.italian)"
        if let version = plan.version { status += " – versione \(version)" }
        out += "<p class=\"small\">\(XMLText.escape(status))</p>"
        out += extra.joined()
        return out
    }
}
