import Performa

/// Draws the albero della performance as SVG, in the seed's two colourings: by strategic area, and by
/// manager (a coloured band per assigned manager, so transversal objectives show several bands).
public struct PerformanceTreeSVG: Sendable {
    public enum Colouring: String, Sendable, CaseIterable {
        case byArea = "aree"
        case byManager = "dirigenti"
    }

    /// `wide`: every area side by side in one row (for screens). `stacked`: one band per area and per
    /// agency, one under the other, so that the picture fits the width of a printed page.
    public enum Layout: String, Sendable, CaseIterable {
        case wide
        case stacked
    }

    public let plan: Plan
    public let colouring: Colouring
    public let layout: Layout
    /// Link for a node key (objective key or area code); nil draws no link.
    public let link: @Sendable (String) -> String?

    public init(plan: Plan, colouring: Colouring = .byArea, layout: Layout = .wide,
                link: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.plan = plan
        self.colouring = colouring
        self.layout = layout
        self.link = link
    }

    static let areaColours = ["#0066cc", "#008055", "#a66300", "#5c2f91", "#b71918", "#00748a"]
    static let managerColours = ["#d1344c", "#0066cc", "#008758", "#cc7a00", "#5c2f91", "#00748a", "#995c00", "#17324d"]
    private let columnWidth = 190.0, gap = 12.0, margin = 16.0

    public func render() -> String {
        let tree = PerformanceTree(plan)
        let managers = plan.organization.managers
        let managerColour = Dictionary(managers.enumerated().map { ($1.id, Self.managerColours[$0 % Self.managerColours.count]) },
                                       uniquingKeysWith: { first, _ in first })
        let areaIndex = Dictionary(plan.areas.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        // Wide: one column per strategic objective and per agency, side by side. Stacked: as wide as the
        // widest band (an area's strategic objectives, or an agency's objectives).
        func span(_ node: PerformanceTree.Node) -> Int {
            node.kind == .area || layout == .stacked ? max(node.children.count, 1) : 1
        }
        let spans = tree.root.children.map(span)
        let columnCount = layout == .wide ? spans.reduce(0, +) : (spans.max() ?? 1)
        let width = margin * 2 + Double(max(columnCount, 1)) * columnWidth + Double(max(columnCount - 1, 0)) * gap
        var body = ""
        var height = 0.0

        func fill(_ node: PerformanceTree.Node) -> String {
            if colouring == .byArea, let area = node.area, let i = areaIndex[area] { return Self.areaColours[i % Self.areaColours.count] }
            return node.kind == .agency || node.kind == .agencyObjective ? "#5d7083" : "#17324d"
        }
        func box(_ node: PerformanceTree.Node, x: Double, y: Double, w: Double, label: String, strong: Bool) -> Double {
            let solid = colouring == .byArea || strong
            let bands = colouring == .byManager && !strong ? Double(node.managers.count) * 7 : 0
            // The manager bands take room on the left: the text wraps in what is left.
            let lines = XMLText.wrap(label, width: Int((w - bands - 8) / 6.2), maxLines: 4)
            let h = 14 + Double(lines.count) * 14
            var svg = "<g class=\"nodo nodo-\(node.kind.rawValue)\">"
            svg += "<title>\(XMLText.escape(label))</title>"
            let background = solid ? fill(node) : "#ffffff"
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(h))\" rx=\"4\" fill=\"\(background)\" stroke=\"\(fill(node))\" stroke-width=\"1.5\"/>"
            if colouring == .byManager && !strong {
                for (i, manager) in node.managers.enumerated() {
                    svg += "<rect x=\"\(f(x + 1 + Double(i) * 7))\" y=\"\(f(y + 1))\" width=\"6\" height=\"\(f(h - 2))\" fill=\"\(managerColour[manager] ?? "#999999")\"/>"
                }
            }
            let textX = x + 8 + bands
            let colour = solid ? "#ffffff" : "#17324d"
            for (i, line) in lines.enumerated() {
                svg += "<text x=\"\(f(textX))\" y=\"\(f(y + 19 + Double(i) * 14))\" font-size=\"11\" font-family=\"Titillium Web, sans-serif\" fill=\"\(colour)\"\(strong && i == 0 ? " font-weight=\"bold\"" : "")>\(XMLText.escape(line))</text>"
            }
            svg += "</g>"
            if let href = link(node.key) {
                svg = "<a href=\"\(XMLText.escape(href))\">\(svg)</a>"
            }
            body += svg
            return h
        }

        /// The columns of a band: a head box (a strategic objective, or an agency objective when stacked),
        /// the boxes listed under it, and how many columns it spans. Stacked, an area's strategic objectives
        /// share the full width: spare columns go to the objective with the longest list, whose boxes then
        /// flow into side-by-side columns (so that a long list does not make the picture too tall for a page).
        func columns(_ node: PerformanceTree.Node) -> [(head: PerformanceTree.Node?, items: [PerformanceTree.Node], span: Int)] {
            if node.kind == .area {
                var spans = Array(repeating: 1, count: node.children.count)
                if layout == .stacked, !spans.isEmpty {
                    func rows(_ i: Int) -> Int { (node.children[i].children.count + spans[i] - 1) / spans[i] }
                    while spans.reduce(0, +) < columnCount {
                        guard let tallest = spans.indices.max(by: { rows($0) < rows($1) || rows($0) == rows($1) && $0 > $1 }),
                              rows(tallest) > 1 else { break }
                        spans[tallest] += 1
                    }
                }
                return node.children.enumerated().map { ($1, $1.children, spans[$0]) }
            }
            return layout == .stacked ? node.children.map { ($0, [], 1) } : [(nil, node.children, 1)]
        }
        func spanWidth(_ span: Int) -> Double { Double(span) * columnWidth + Double(span - 1) * gap }
        func bandWidth(_ node: PerformanceTree.Node) -> Double {
            spanWidth(max(columns(node).reduce(0) { $0 + $1.span }, 1))
        }
        func label(_ node: PerformanceTree.Node) -> String {
            node.kind == .agencyObjective ? "Obiettivo \(node.code) \(node.title)" : "\(node.code) \(node.title)"
        }
        /// Draws one area (or agency) with its columns from `top`; returns the lowest point drawn.
        func band(_ node: PerformanceTree.Node, x: Double, top: Double, connected: Bool) -> Double {
            let w = bandWidth(node)
            let title = node.kind == .area ? "Area strategica \(node.code) – \(node.title)" : node.title
            let bandHeight = box(node, x: x, y: top, w: w, label: title, strong: true)
            if connected { body += line(x1: x + w / 2, y1: top, x2: x + w / 2, y2: top - 18) }
            var bottom = top + bandHeight
            var columnX = x
            for column in columns(node) {
                let headWidth = spanWidth(column.span)
                var y = top + bandHeight + 14
                if let head = column.head {
                    body += line(x1: columnX + headWidth / 2, y1: y, x2: columnX + headWidth / 2, y2: y - 14)
                    y += box(head, x: columnX, y: y, w: headWidth, label: label(head), strong: false) + 10
                }
                // The listed boxes fill the spanned columns row by row.
                var rowHeight = 0.0
                for (i, child) in column.items.enumerated() {
                    let sub = i % column.span
                    if sub == 0 && i > 0 {
                        y += rowHeight + 8
                        rowHeight = 0
                    }
                    let childX = columnX + Double(sub) * (columnWidth + gap)
                    body += line(x1: childX + 4, y1: y - 10, x2: childX + 4, y2: y + 8)
                    rowHeight = max(rowHeight, box(child, x: childX + 10, y: y, w: columnWidth - 10, label: label(child), strong: false))
                }
                if !column.items.isEmpty { y += rowHeight + 8 }
                bottom = max(bottom, y)
                columnX += headWidth + gap
            }
            return bottom
        }

        let rootHeight = box(tree.root, x: margin, y: margin, w: width - 2 * margin, label: "\(plan.organization.name) — \(plan.title)", strong: true)
        var top = margin + rootHeight + 18
        var x = margin
        for (i, node) in tree.root.children.enumerated() {
            // Stacked bands hang from the root one under the other: only the first touches it.
            let bottom = band(node, x: x, top: top, connected: layout == .wide || i == 0)
            height = max(height, bottom)
            switch layout {
            case .wide: x += bandWidth(node) + gap
            case .stacked: top = bottom + 28
            }
        }
        var legend = ""
        var legendY = height + 16
        if colouring == .byManager {
            for manager in managers {
                legend += "<rect x=\"\(f(margin))\" y=\"\(f(legendY))\" width=\"12\" height=\"12\" fill=\"\(managerColour[manager.id] ?? "#999999")\"/>"
                legend += "<text x=\"\(f(margin + 18))\" y=\"\(f(legendY + 10))\" font-size=\"11\" font-family=\"Titillium Web, sans-serif\" fill=\"#17324d\">\(XMLText.escape(([manager.name] + manager.roles).joined(separator: " – ")))</text>"
                legendY += 18
            }
        }
        let totalHeight = legendY + margin
        let title = colouring == .byArea ? "Albero della performance per aree strategiche" : "Albero della performance per dirigente (obiettivi trasversali)"
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(XMLText.escape(title))\" viewBox=\"0 0 \(f(width)) \(f(totalHeight))\" width=\"\(f(width))\" height=\"\(f(totalHeight))\">"
            + "<title>\(XMLText.escape(title))</title>" + body + legend + "</svg>\n"
    }

    private func line(x1: Double, y1: Double, x2: Double, y2: Double) -> String {
        "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"#5d7083\" stroke-width=\"1\"/>"
    }

    private func f(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format1(value))
    }

    private func format1(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        return "\(scaled / 10).\(abs(scaled % 10))"
    }
}
