/// A data table as the documents print it: a caption, column headers with `scope="col"`, rows whose
/// first cell may be a row header (`scope="row"`), and an optional total row in `<tfoot>`.
struct HTMLTable {
    struct Column {
        var title: String
        /// Right-aligned figures (amounts, percentages, counts).
        var numeric: Bool = false
        init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

    struct Cell {
        enum Content {
            case text(String)
            /// Markup already built (and escaped) by an `HTMLWriter`.
            case html(String)
        }
        var content: Content
        var isRowHeader = false
        var colspan = 1
        var rowspan = 1
        var className: String?

        static func text(_ text: String, className: String? = nil) -> Cell { Cell(content: .text(text), className: className) }
        static func header(_ text: String, colspan: Int = 1, className: String? = nil) -> Cell {
            Cell(content: .text(text), isRowHeader: true, colspan: colspan, className: className)
        }
        static func html(_ markup: String, className: String? = nil) -> Cell { Cell(content: .html(markup), className: className) }
    }

    struct Row {
        var cells: [Cell]
        var className: String?
        init(_ cells: [Cell], className: String? = nil) {
            self.cells = cells
            self.className = className
        }
    }

    var caption: String
    var columns: [Column]
    var rows: [Row]
    var footer: [Row] = []
    var className: String?
    /// Hides the caption on screen and paper while keeping it for screen readers (the heading above says it).
    var captionHidden = false

    /// Tables up to this many rows are kept on one page with their caption.
    static let keptRows = 12

    func render() -> String {
        var classes = className.map { [$0] } ?? []
        if rows.count + footer.count <= Self.keptRows { classes.append("keep") }
        var out = "<table\(classes.isEmpty ? "" : " class=\"\(XMLText.escape(classes.joined(separator: " ")))\"")>"
        out += "<caption\(captionHidden ? " class=\"visually-hidden\"" : "")>\(XMLText.escape(caption))</caption>"
        out += "<thead><tr>"
        for column in columns {
            out += "<th scope=\"col\"\(column.numeric ? " class=\"num\"" : "")>\(XMLText.escape(column.title))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows { out += render(row) }
        out += "</tbody>"
        if !footer.isEmpty {
            out += "<tfoot>" + footer.map(render).joined() + "</tfoot>"
        }
        return out + "</table>"
    }

    private func render(_ row: Row) -> String {
        var out = "<tr\(row.className.map { " class=\"\(XMLText.escape($0))\"" } ?? "")>"
        var column = 0
        for cell in row.cells {
            let numeric = column < columns.count && columns[column].numeric
            var classes = [String]()
            if numeric { classes.append("num") }
            if let name = cell.className { classes.append(name) }
            var attributes = cell.isRowHeader ? " scope=\"row\"" : ""
            if cell.colspan > 1 { attributes += " colspan=\"\(cell.colspan)\"" }
            if cell.rowspan > 1 { attributes += " rowspan=\"\(cell.rowspan)\"" }
            if !classes.isEmpty { attributes += " class=\"\(XMLText.escape(classes.joined(separator: " ")))\"" }
            let tag = cell.isRowHeader ? "th" : "td"
            let body: String
            switch cell.content {
            // In a figures column the euro sign stays with its amount when the column wraps (only text with a
            // byte 0xE2, the first of `€`, can have one: the Foundation call is slow).
            case .text(let text): body = XMLText.escape(numeric && text.utf8.contains(0xE2) ? text.replacingOccurrences(of: "€ ", with: "€\u{00A0}") : text)
            case .html(let markup): body = markup
            }
            out += "<\(tag)\(attributes)>\(body)</\(tag)>"
            column += cell.colspan
        }
        return out + "</tr>"
    }
}
