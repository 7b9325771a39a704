/// A complete, self-contained HTML document: `lang="it"`, inline stylesheet, no scripts, a cover, the
/// index (*indice*) built from the body's headings, and the body.
struct DocumentPage {
    var title: String
    var runningHeader: String
    /// Printed in every page's top-right margin (e.g. "DATI ILLUSTRATIVI").
    var marker: String?
    var cover: String
    var indexTitle = "Indice generale"
    /// Deepest heading level listed in the index.
    var indexDepth = 3
    var body: HTMLWriter

    func render() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"Performa\">\n"
        out += "<title>\(XMLText.escape(title))</title>\n"
        out += "<style>\n\(DocumentStyle.css(runningHeader: runningHeader, marker: marker))\n</style>\n</head>\n<body>\n"
        out += "<header class=\"cover\">\(cover)</header>\n"
        out += index()
        out += "<main>\n\(body.html)\n</main>\n</body>\n</html>\n"
        return out
    }

    /// Nested ordered lists following the heading levels (h2 → first level, h3 → second, …).
    private func index() -> String {
        let entries = body.outline.filter { $0.level >= 2 && $0.level <= indexDepth }
        guard !entries.isEmpty else { return "" }
        var out = "<nav class=\"indice\" aria-labelledby=\"indice\"><h2 id=\"indice\">\(XMLText.escape(indexTitle))</h2>"
        var depth = 1
        out += "<ol>"
        var openItem = false
        for entry in entries {
            let level = entry.level - 1
            if level > depth {
                while depth < level { out += "<ol>"; depth += 1; openItem = false }
            } else {
                if openItem { out += "</li>" }
                while depth > level { out += "</ol></li>"; depth -= 1 }
            }
            out += "<li><a href=\"#\(XMLText.escape(entry.id))\">\(XMLText.escape(entry.title))</a>"
            openItem = true
        }
        if openItem { out += "</li>" }
        while depth > 1 { out += "</ol></li>"; depth -= 1 }
        out += "</ol></nav>\n"
        return out
    }
}
