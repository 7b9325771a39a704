/// Subsection 3.3, the *piano triennale dei fabbisogni di personale* (D.Lgs. 165/2001 art. 6; DM 132/2022 art. 4
/// c. 1 lett. c): staff by category at the start, foreseen departures and planned hires per year, and the
/// spending capacity for hiring.
public struct StaffingPlan: Codable, Hashable, Sendable {
    /// Staff at 31/12 of the year before the span, by category; `Organization.staff` when absent.
    public var startingStaff: StaffFigures?
    public var departures: [StaffMovement]
    public var hires: [StaffMovement]
    /// Capacità assunzionale per year.
    public var spendingCapacity: [YearAmount]?
    public var note: String?

    public init(departures: [StaffMovement] = [], hires: [StaffMovement] = []) {
        self.departures = departures
        self.hires = hires
    }

    /// Staff at the end of `year`: the start, less departures, plus hires up to that year, per category.
    public func projected(from start: StaffFigures, through year: Int) -> [StaffCategory] {
        var counts = start.byCategory.map { ($0.category, $0.count) }
        func add(_ category: String, _ n: Int) {
            if let i = counts.firstIndex(where: { $0.0 == category }) { counts[i].1 += n } else { counts.append((category, n)) }
        }
        for move in departures where move.year <= year { add(move.category, -move.count) }
        for move in hires where move.year <= year { add(move.category, move.count) }
        return counts.map { StaffCategory(category: $0.0, count: $0.1) }
    }
}

/// Departures (retirements, mobility) or hires of one category in one year.
public struct StaffMovement: Codable, Hashable, Sendable {
    public var year: Int
    public var category: String
    public var count: Int
    /// For hires: concorso, mobilità, scorrimento di graduatoria, progressione verticale …
    public var channel: String?
    public init(year: Int, category: String, count: Int, channel: String? = nil) {
        self.year = year
        self.category = category
        self.count = count
        self.channel = channel
    }
}

/// A line of the training plan (DM 132/2022 art. 4 c. 1 lett. c n. 5).
public struct TrainingAction: Codable, Hashable, Sendable {
    public var title: String
    /// Who it is for (`tutto il personale`, `categoria D`).
    public var audience: String?
    public var year: Int
    public var hours: Double?
    public var participants: Int?
    public init(title: String, year: Int, audience: String? = nil, hours: Double? = nil, participants: Int? = nil) {
        self.title = title
        self.year = year
        self.audience = audience
        self.hours = hours
        self.participants = participants
    }
}
