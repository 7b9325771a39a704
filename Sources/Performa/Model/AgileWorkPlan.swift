/// POLA — Piano organizzativo del lavoro agile: the current level, the rules, the development programme.
public struct AgileWorkPlan: Codable, Hashable, Sendable {
    public var title: String
    public var acts: [ApprovalAct]?
    /// Narrative parts (introduction, livello attuale, modalità attuative, piano di sviluppo).
    public var sections: [NarrativeSection]?
    /// Year the monthly table refers to (2020).
    public var monthlyYear: Int
    public var monthly: [AgileMonth]
    public var technology: FigureTable?
    public var training: FigureTable?
    /// Adozione delle condizioni e dei fattori abilitanti: item × year.
    public var programme: [ProgrammeItem]?
    public var rules: AgileWorkRules?

    public init(title: String, monthlyYear: Int, monthly: [AgileMonth]) {
        self.title = title
        self.monthlyYear = monthlyYear
        self.monthly = monthly
    }
}

/// One month of "La dimensione del lavoro agile".
public struct AgileMonth: Codable, Hashable, Sendable {
    public var month: Int
    public var employees: Int
    public var agileWorkers: Int
    /// Average agile days per week per employee.
    public var averageAgileDaysPerWeek: Double
    public var agileDaysInMonth: Int
    public init(month: Int, employees: Int, agileWorkers: Int, averageAgileDaysPerWeek: Double, agileDaysInMonth: Int) {
        self.month = month
        self.employees = employees
        self.agileWorkers = agileWorkers
        self.averageAgileDaysPerWeek = averageAgileDaysPerWeek
        self.agileDaysInMonth = agileDaysInMonth
    }

    public static let italianMonthAbbreviations = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]
}

/// A small table of figures with labelled rows (technology, training).
public struct FigureTable: Codable, Hashable, Sendable {
    public var title: String
    public var columns: [String]
    public var rows: [FigureRow]
    public init(title: String, columns: [String], rows: [FigureRow]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

public struct FigureRow: Codable, Hashable, Sendable {
    public var label: String
    /// Cell values as printed (`54`, `tutti`).
    public var values: [String]
    public init(label: String, values: [String]) {
        self.label = label
        self.values = values
    }
}

public struct ProgrammeItem: Codable, Hashable, Sendable {
    public var item: String
    public var years: [Int]
    public init(item: String, years: [Int]) {
        self.item = item
        self.years = years
    }
}

/// The rules of agile work (PARTE 2).
public struct AgileWorkRules: Codable, Hashable, Sendable {
    public var maxDaysPerWeek: Int?
    public var maxHoursPerWeek: Int?
    /// Working window, `07:00`–`21:00`.
    public var windowStart: String?
    public var windowEnd: String?
    public var lunchBreak: String?
    public var mealVoucherConditions: [String]?
    public var other: [String]?
    public init() {}
}
