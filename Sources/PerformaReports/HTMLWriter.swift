/// Builds the body of a document: every text goes through `XMLText.escape`, every heading gets an id and,
/// when asked, an entry in the document's index (*indice*).
struct HTMLWriter {
    struct OutlineEntry {
        var level: Int
        var id: String
        var title: String
    }

    private(set) var html = ""
    private(set) var outline: [OutlineEntry] = []

    /// Markup built elsewhere (SVG pictures, rendered tables).
    mutating func raw(_ markup: String) { html += markup }

    mutating func heading(_ level: Int, _ title: String, id: String, inOutline: Bool = true) {
        html += "<h\(level) id=\"\(XMLText.escape(id))\">\(XMLText.escape(title))</h\(level)>"
        if inOutline { outline.append(OutlineEntry(level: level, id: id, title: title)) }
    }

    /// A `<section>` labelled by its heading.
    mutating func section(_ level: Int, _ title: String, id: String, className: String? = nil, inOutline: Bool = true,
                          _ body: (inout HTMLWriter) -> Void) {
        html += "<section aria-labelledby=\"\(XMLText.escape(id))\"\(classAttribute(className))>"
        heading(level, title, id: id, inOutline: inOutline)
        body(&self)
        html += "</section>"
    }

    mutating func paragraph(_ text: String, className: String? = nil) {
        html += "<p\(classAttribute(className))>\(XMLText.escape(text))</p>"
    }

    /// A paragraph with a bold label: `<p><strong>Peso</strong> 50,00%</p>`.
    mutating func labelled(_ label: String, _ text: String, className: String? = nil) {
        html += "<p\(classAttribute(className))><strong>\(XMLText.escape(label))</strong> \(XMLText.escape(text))</p>"
    }

    mutating func list(_ items: [String]) {
        guard !items.isEmpty else { return }
        html += "<ul>" + items.map { "<li>\(XMLText.escape($0))</li>" }.joined() + "</ul>"
    }

    mutating func table(_ table: HTMLTable) { html += table.render() }

    /// A `<div>` (or other container) around some content.
    mutating func container(_ tag: String = "div", className: String, _ body: (inout HTMLWriter) -> Void) {
        html += "<\(tag) class=\"\(XMLText.escape(className))\">"
        body(&self)
        html += "</\(tag)>"
    }

    /// Running text of a plan (see `NarrativeText`).
    mutating func narrative(_ text: String) { html += NarrativeText.html(text) }

    private func classAttribute(_ name: String?) -> String {
        name.map { " class=\"\(XMLText.escape($0))\"" } ?? ""
    }

    /// A fragment identifier from a code or a title: `1.2.1` → `obiettivo-1-2-1`.
    static func anchor(_ prefix: String, _ key: String) -> String {
        var out = prefix
        var lastWasDash = false
        for character in key.lowercased() {
            if character.isLetter && character.isASCII || character.isNumber && character.isASCII {
                if !out.isEmpty && lastWasDash { out += "-" }
                out.append(character)
                lastWasDash = false
            } else {
                lastWasDash = true
            }
        }
        return out
    }
}
