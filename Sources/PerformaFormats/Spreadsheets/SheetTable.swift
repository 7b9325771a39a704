/// One table of a workbook: a sheet in XLSX, a file in CSV. The first row is the header.
public struct SheetTable: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        /// The Italian header, which is also what the importer looks for.
        public var header: String
        /// Widest the column gets (in characters); long texts wrap inside it.
        public var maxWidth: Int

        public init(_ header: String, maxWidth: Int = 40) {
            self.header = header
            self.maxWidth = maxWidth
        }
    }

    /// Sheet name (at most 31 characters in XLSX).
    public var name: String
    public var columns: [Column]
    public var rows: [[SheetCell]]

    public init(name: String, columns: [Column], rows: [[SheetCell]] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// Column widths in characters: the longest line of the header or a value, within the column's limits.
    var widths: [Int] {
        columns.enumerated().map { index, column in
            let longest = rows.reduce(column.header.count) { longest, row in
                index < row.count ? max(longest, row[index].displayLength) : longest
            }
            return min(max(longest + 2, 8), max(column.maxWidth, column.header.count + 2))
        }
    }
}

extension SheetTable {
    /// A table whose rows are given by header, so that a value cannot land in the wrong column.
    init(name: String, columns: [Column], records: [[String: SheetCell]]) {
        self.init(name: name, columns: columns, rows: records.map { record in columns.map { record[$0.header] ?? .empty } })
    }
}
