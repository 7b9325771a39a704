/// The *scenario socio-economico*: key figures of the territory and the enterprise tables.
public struct Scenario: Codable, Hashable, Sendable {
    public var intro: String?
    public var keyFigures: [KeyFigure]
    public var enterprisesBySector: CountTable?
    public var enterprisesByLegalForm: CountTable?
    /// Further narrative paragraphs (valore aggiunto, import-export, forze lavoro, …).
    public var sections: [NarrativeSection]?
    public init(keyFigures: [KeyFigure]) { self.keyFigures = keyFigures }
}

/// `Export 14,5 MLD di euro (dicembre 2020) - 9,7% var % su 2019`.
public struct KeyFigure: Codable, Hashable, Sendable {
    public var label: String
    /// Value as printed (`1.255.437`, `4.785,63 kmq`).
    public var value: String
    /// Reference date as printed (`residenti a gennaio 2020`, `dicembre 2020`).
    public var date: String?
    public var source: String?
    /// Variation as printed (`-9,7% var % su 2019`).
    public var variation: String?
    /// Indentation level for sub-items (`→ di cui straniere`).
    public var level: Int?
    public init(label: String, value: String, date: String? = nil, source: String? = nil, variation: String? = nil) {
        self.label = label
        self.value = value
        self.date = date
        self.source = source
        self.variation = variation
    }
}

/// A two-column table of counts with a total (enterprises by sector, by legal form).
public struct CountTable: Codable, Hashable, Sendable {
    public var title: String
    public var asOf: Day?
    public var columnLabel: String
    public var valueLabel: String
    public var rows: [CountRow]
    /// The total as printed; the validator checks it against the rows.
    public var total: Int?
    public init(title: String, columnLabel: String, valueLabel: String, rows: [CountRow], total: Int? = nil) {
        self.title = title
        self.columnLabel = columnLabel
        self.valueLabel = valueLabel
        self.rows = rows
        self.total = total
    }
}

public struct CountRow: Codable, Hashable, Sendable {
    /// ATECO section letter (`A`) where there is one.
    public var code: String?
    public var label: String
    public var count: Int
    public init(code: String? = nil, label: String, count: Int) {
        self.code = code
        self.label = label
        self.count = count
    }
}
