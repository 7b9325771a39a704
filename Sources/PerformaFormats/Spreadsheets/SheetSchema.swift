/// The columns of one sheet: their Italian headers, what each means, which are required. One schema
/// serves the export (header row), the import (header checks), the template's instructions and the
/// documentation test, so the four cannot drift apart.
public struct SheetSchema: Sendable {
    public struct Column: Sendable {
        /// Header as it appears in row 1. A header with `GG/MM/AAAA` or `AAAA` stands for a family of
        /// columns, one per checkpoint or year (`Target al 31/12/2021`).
        public var header: String
        /// What goes in it, in Italian (printed in the template's instructions).
        public var meaning: String
        public var required: Bool
        /// Read back on import; false for columns shown only to help whoever fills the sheet in.
        public var imported: Bool
        public var maxWidth: Int

        public init(_ header: String, _ meaning: String, required: Bool = false, imported: Bool = true, maxWidth: Int = 40) {
            self.header = header
            self.meaning = meaning
            self.required = required
            self.imported = imported
            self.maxWidth = maxWidth
        }

        var tableColumn: SheetTable.Column { SheetTable.Column(header, maxWidth: maxWidth) }
    }

    public var name: String
    public var columns: [Column]

    public init(name: String, columns: [Column]) {
        self.name = name
        self.columns = columns
    }

    public func column(_ header: String) -> Column? { columns.first { $0.header == header } }
}
