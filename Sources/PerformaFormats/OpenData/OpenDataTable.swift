/// One open-data set (`obiettivi`, `indicatori`, `risultati`): a fixed, documented list of columns and
/// one record per row. The CSV and the JSON are made from the same records, so the JSON keys are the
/// CSV columns, in the same order, with `null` where the CSV field is empty.
public struct OpenDataTable: Sendable {
    public struct Column: Sendable {
        public var name: String
        /// `testo`, `intero`, `numero`, `booleano`, `data` (as docs/open-data.md lists them).
        public var type: String
        public var meaning: String
        public init(_ name: String, _ type: String, _ meaning: String) {
            self.name = name
            self.type = type
            self.meaning = meaning
        }
    }

    /// File name without extension.
    public var name: String
    public var columns: [Column]
    public var rows: [[OpenDataValue]]

    public init(name: String, columns: [Column], records: [[String: OpenDataValue]]) {
        self.name = name
        self.columns = columns
        rows = records.map { record in columns.map { record[$0.name] ?? .null } }
    }

    /// The header line, as published: `piano,ente,anno,…`.
    public var headerLine: String { CSVWriter(separator: ",").line(columns.map(\.name)) }

    /// RFC 4180 CSV: UTF-8 without byte order mark, `,` between fields, CRLF line ends, decimal point.
    public var csv: String {
        let writer = CSVWriter(separator: ",")
        return headerLine + rows.map { writer.line($0.map(\.csvField)) }.joined()
    }

    /// A JSON array of objects, one per row, keys in column order.
    public var json: String {
        let objects = rows.map { row in
            "  {" + zip(columns, row).map { column, value in "\"\(column.name)\": \(value.json)" }.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}
