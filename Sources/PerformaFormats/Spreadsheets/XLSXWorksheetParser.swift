import Foundation
import Performa

/// Reads the cells of one worksheet part into a `SheetGrid`: shared strings (`t="s"`), inline strings
/// (`t="inlineStr"`), formula results (`t="str"`), booleans (`t="b"`), errors (`t="e"`), ISO dates
/// (`t="d"`) and numbers, each number with what its style says (percentage, date).
enum XLSXWorksheetParser {
    static func parse(_ data: Data, name: String, strings: [String], formats: XLSXNumberFormats) -> (grid: SheetGrid, problem: String?) {
        var rows: [SheetGrid.Row] = []
        var current: SheetGrid.Row? = nil
        var lastRow = 0
        var nextColumn = 0
        // The cell being read.
        var reference: (row: Int, column: Int)? = nil
        var type = "n"
        var style: Int? = nil
        var value = ""
        var inValue = false, inInline = false, inText = false, inPhonetic = false
        var problem: String? = nil

        func finishCell() {
            guard let reference, var row = current else { return }
            let cell: SheetValue?
            switch type {
            case "s":
                if let index = Int(value.trimmingCharacters(in: .whitespaces)), index >= 0, index < strings.count {
                    cell = strings[index].isEmpty ? nil : .text(strings[index])
                } else {
                    cell = nil
                    problem = problem ?? "riferimento a un testo condiviso inesistente nella cella \(CellReference.name(row: reference.row, column: reference.column))"
                }
            case "inlineStr", "str":
                let text = OOXMLText.unescape(value)
                cell = text.isEmpty ? nil : .text(text)
            case "b":
                cell = .bool(value.trimmingCharacters(in: .whitespaces) == "1")
            case "e":
                cell = .error(value)
            case "d":
                cell = Day(parsing: String(value.prefix(10))).map { .number(Double(SpreadsheetDate.serial(of: $0)), .date) } ?? .text(value)
            default:
                let trimmed = value.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    cell = nil
                } else if let number = Double(trimmed), number.isFinite {
                    cell = .number(number, formats.format(ofStyle: style))
                } else {
                    cell = .text(trimmed)
                }
            }
            if let cell {
                row.cells[reference.column] = cell
                current = row
            }
        }

        let xmlProblem = XMLEvents.parse(data, start: { element, attributes in
            switch element {
            case "row":
                let number = attributes["r"].flatMap(Int.init) ?? lastRow + 1
                if !(1...InputLimits.maximumSheetRows).contains(number) {
                    problem = problem ?? "numero di riga fuori dai limiti: «\(attributes["r"] ?? String(number))»"
                }
                // Kept within the limits, so that the following rows cannot overflow.
                lastRow = min(max(number, 0), InputLimits.maximumSheetRows)
                nextColumn = 0
                current = SheetGrid.Row(number: number, cells: [:])
            case "c":
                let parsed = attributes["r"].flatMap(CellReference.parse)
                if let given = attributes["r"], parsed == nil {
                    problem = problem ?? "riferimento di cella non valido: «\(given)»"
                }
                let column = min(parsed?.column ?? nextColumn, InputLimits.maximumSheetColumns)
                if column == InputLimits.maximumSheetColumns {
                    problem = problem ?? "troppe colonne nella riga \(lastRow) (il massimo è \(InputLimits.maximumSheetColumns))"
                }
                reference = (lastRow, column)
                nextColumn = column + 1
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init)
                value = ""
            case "v": inValue = true
            case "is": inInline = true
            case "t": inText = inInline && !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }, end: { element in
            switch element {
            case "c":
                finishCell()
                reference = nil
            case "row":
                if let row = current, !row.cells.isEmpty { rows.append(row) }
                current = nil
            case "v": inValue = false
            case "is": inInline = false
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }, text: { text in
            if inValue || inText { value += text }
        })
        return (SheetGrid(name: name, rows: rows), xmlProblem ?? problem)
    }
}
