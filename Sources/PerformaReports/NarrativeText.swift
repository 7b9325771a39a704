import Performa

/// The running text of a plan (premessa, mission, POLA chapters, descriptions) as HTML. The plan file's
/// convention (docs/plan-format.md): paragraphs are separated by blank lines, lines starting with `- ` are
/// list items, and a list item's own numbering (`1. …`, `1) …`) is kept as written.
enum NarrativeText {
    static func html(_ text: String) -> String {
        var out = ""
        var paragraph: [String] = []
        var items: [String] = []

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            out += "<p>" + paragraph.map { XMLText.escape($0) }.joined(separator: "<br>") + "</p>"
            paragraph = []
        }
        func flushList() {
            guard !items.isEmpty else { return }
            out += "<ul>" + items.map { "<li>\(XMLText.escape($0))</li>" }.joined() + "</ul>"
            items = []
        }

        for rawLine in lines(text) {
            let line = String(rawLine).trimmingSpaces
            if line.isEmpty {
                flushParagraph()
                flushList()
            } else if line.hasPrefix("- ") {
                flushParagraph()
                items.append(String(line.dropFirst(2)).trimmingSpaces)
            } else {
                flushList()
                paragraph.append(line)
            }
        }
        flushParagraph()
        flushList()
        return out
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`, on bytes: a line feed is a character
    /// of its own unless it follows a carriage return (CR LF is one character, and no split), and splitting
    /// by characters was most of the cost of a document.
    private static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var previous: UInt8 = 0
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A && previous != 0x0D {
                lines.append(text[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
            utf8.formIndex(after: &index)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }
}
