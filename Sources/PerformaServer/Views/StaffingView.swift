import Performa
import PerformaStore

/// The PIAO's 3.3: the staff by category at the start and as the planned departures and hires leave it at the end of
/// each year, the movements, the spending capacity and the training plan.
struct StaffingView: Sendable {
    struct Row: Sendable {
        var label: String
        var cells: [String]
    }

    struct Movement: Sendable {
        var year: String
        var category: String
        var departures: String
        var hires: String
        var channel: String
    }

    struct Training: Sendable {
        var year: String
        var title: String
        var audience: String
        var hours: String
        var participants: String
    }

    let page: PageChrome
    let present: Bool
    let note: String?
    let columns: [String]
    let projection: [Row]
    let movements: [Movement]
    let capacity: [Row]
    let training: [Training]
    let editHref: String?
    let trainingHref: String?
    let hasProjection: Bool
    let hasMovements: Bool
    let hasCapacity: Bool
    let hasTraining: Bool
    let showTraining: Bool

    init(snapshot: PlanSnapshot, context: WebRequestContext, mayEdit: Bool, notices: [Notice]) {
        let plan = snapshot.plan
        let id = snapshot.id
        page = PageChrome(title: "PIAO – Fabbisogni di personale e formazione", section: .piao, plan: snapshot.stored, context: context,
                          breadcrumbs: [.init(label: "PIAO", href: Paths.piao(id))], notices: notices)
        let staffing = plan.piao?.staffing
        present = staffing != nil
        note = staffing?.note
        let span = plan.piao?.span ?? plan.span
        let start = staffing?.startingStaff ?? plan.organization.staff
        if let staffing, let start {
            columns = ["Al \(start.asOf.italian)"] + span.years.map { "31/12/\($0)" }
            let projected = span.years.map { staffing.projected(from: start, through: $0) }
            let categories = projected.last?.map(\.category) ?? start.byCategory.map(\.category)
            projection = categories.map { category in
                let first = start.byCategory.first { $0.category == category }?.count ?? 0
                return Row(label: category, cells: ([first] + projected.map { year in year.first { $0.category == category }?.count ?? 0 })
                    .map { ItalianNumber.format(Double($0)) })
            }
        } else {
            columns = []
            projection = []
        }
        let departures = (staffing?.departures ?? []).map { ($0, true) }, hires = (staffing?.hires ?? []).map { ($0, false) }
        movements = (departures + hires).sorted { ($0.0.year, $0.1 ? 0 : 1) < ($1.0.year, $1.1 ? 0 : 1) }.map { move, departure in
            Movement(year: String(move.year), category: move.category, departures: departure ? String(move.count) : "",
                     hires: departure ? "" : String(move.count), channel: move.channel ?? "")
        }
        capacity = (staffing?.spendingCapacity ?? []).map { Row(label: String($0.year), cells: [$0.amount.text]) }
        training = (plan.piao?.training ?? []).map {
            Training(year: String($0.year), title: $0.title, audience: $0.audience ?? "—",
                     hours: $0.hours.map { ItalianNumber.format($0) } ?? "—", participants: $0.participants.map { String($0) } ?? "—")
        }
        editHref = mayEdit ? Paths.piaoStaffing(id) + "/modifica" : nil
        trainingHref = mayEdit ? Paths.piaoTraining(id) : nil
        (hasProjection, hasMovements, hasCapacity, hasTraining) = (!projection.isEmpty, !movements.isEmpty, !capacity.isEmpty, !training.isEmpty)
        showTraining = hasTraining || trainingHref != nil
    }
}
