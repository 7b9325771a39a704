import Foundation

/// What a cell's style says about its number: a percentage, a date, or a plain number. Read from the
/// styles part: `cellXfs` gives each style's number format; formats 9–10 are percentages and 14–22,
/// 27–36, 45–47, 50–58 dates and times; custom formats are classified by their format code.
struct XLSXNumberFormats {
    private var styles: [SheetValue.NumberFormat] = []

    static let empty = XLSXNumberFormats()

    func format(ofStyle index: Int?) -> SheetValue.NumberFormat {
        guard let index, index >= 0, index < styles.count else { return .plain }
        return styles[index]
    }

    static func parse(_ data: Data) -> (formats: XLSXNumberFormats, problem: String?) {
        var codes: [Int: String] = [:]
        var formatIDs: [Int] = []
        var inCellFormats = false
        let problem = XMLEvents.parse(data, start: { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init) { codes[id] = attributes["formatCode"] ?? "" }
            case "cellXfs":
                inCellFormats = true
            case "xf" where inCellFormats:
                formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default:
                break
            }
        }, end: { name in
            if name == "cellXfs" { inCellFormats = false }
        })
        var formats = XLSXNumberFormats()
        formats.styles = formatIDs.map { id in codes[id].map(classify) ?? builtIn(id) }
        return (formats, problem)
    }

    private static func builtIn(_ id: Int) -> SheetValue.NumberFormat {
        switch id {
        case 9, 10: return .percent
        case 14...22, 27...36, 45...47, 50...58: return .date
        default: return .plain
        }
    }

    /// Classifies a format code by what is left of its first section once quoted text, `[…]` parts
    /// and escaped characters are set aside: a `%` makes a percentage, day/month/year letters a date.
    static func classify(_ code: String) -> SheetValue.NumberFormat {
        var kept = ""
        var inQuotes = false, inBrackets = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "\\" where !inQuotes: escaped = true
            case ";" where !inQuotes && !inBrackets:
                return classifyKept(kept)
            default:
                if !inQuotes && !inBrackets { kept.append(character) }
            }
        }
        return classifyKept(kept)
    }

    private static func classifyKept(_ kept: String) -> SheetValue.NumberFormat {
        if kept.contains("%") { return .percent }
        let lower = kept.lowercased()
        if lower == "general" { return .plain }
        if lower.contains(where: { "dmy".contains($0) }) { return .date }
        return .plain
    }
}
