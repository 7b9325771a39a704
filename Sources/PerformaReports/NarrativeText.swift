import Foundation

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

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                flushList()
            } else if line.hasPrefix("- ") {
                flushParagraph()
                items.append(String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces))
            } else {
                flushList()
                paragraph.append(line)
            }
        }
        flushParagraph()
        flushList()
        return out
    }
}
