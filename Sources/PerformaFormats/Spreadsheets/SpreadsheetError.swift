/// An error in a spreadsheet being imported, in Italian, naming the sheet, the row and the column:
/// `foglio Indicatori, riga 12, colonna Peso: valore non numerico «trenta»`.
public struct SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, when the error is about the file as a whole or comes from a file other than the workbook.
    public var file: String?
    public var sheet: String?
    /// Row number as the spreadsheet shows it (the header is row 1).
    public var row: Int?
    /// The column's header (or its letter, when the header is missing).
    public var column: String?
    public var message: String

    public init(file: String? = nil, sheet: String? = nil, row: Int? = nil, column: String? = nil, message: String) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.message = message
    }

    public var description: String {
        var place: [String] = []
        if let file { place.append(file) }
        if let sheet { place.append("foglio \(sheet)") }
        if let row { place.append("riga \(row)") }
        if let column { place.append("colonna \(column)") }
        return place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
    }
}
