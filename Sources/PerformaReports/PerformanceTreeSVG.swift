import Performa

/// Draws the albero della performance as SVG, in the seed's two colourings: by strategic area, and by
/// manager (a coloured band per assigned manager, so transversal objectives show several bands).
public struct PerformanceTreeSVG: Sendable {
    public enum Colouring: String, Sendable, CaseIterable {
        case byArea = "aree"
        case byManager = "dirigenti"
    }

    public let plan: Plan
    public let colouring: Colouring
    /// Link for a node key (objective key or area code); nil draws no link.
    public let link: @Sendable (String) -> String?

    public init(plan: Plan, colouring: Colouring = .byArea, link: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.plan = plan
        self.colouring = colouring
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
        // One column per strategic objective and per agency.
        let columns = tree.root.children.reduce(0) { $0 + ($1.kind == .area ? max($1.children.count, 1) : 1) }
        let width = margin * 2 + Double(columns) * columnWidth + Double(max(columns - 1, 0)) * gap
        var body = ""
        var height = 0.0

        func fill(_ node: PerformanceTree.Node) -> String {
            if colouring == .byArea, let area = node.area, let i = areaIndex[area] { return Self.areaColours[i % Self.areaColours.count] }
            return node.kind == .agency || node.kind == .agencyObjective ? "#5d7083" : "#17324d"
        }
        func box(_ node: PerformanceTree.Node, x: Double, y: Double, w: Double, label: String, strong: Bool) -> Double {
            let lines = XMLText.wrap(label, width: Int(w / 6.4), maxLines: 4)
            let h = 14 + Double(lines.count) * 14
            let solid = colouring == .byArea || strong
            var svg = "<g class=\"nodo nodo-\(node.kind.rawValue)\">"
            svg += "<title>\(XMLText.escape(label))</title>"
            let background = solid ? fill(node) : "#ffffff"
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(w))\" height=\"\(f(h))\" rx=\"4\" fill=\"\(background)\" stroke=\"\(fill(node))\" stroke-width=\"1.5\"/>"
            if colouring == .byManager && !strong {
                for (i, manager) in node.managers.enumerated() {
                    svg += "<rect x=\"\(f(x + 1 + Double(i) * 7))\" y=\"\(f(y + 1))\" width=\"6\" height=\"\(f(h - 2))\" fill=\"\(managerColour[manager] ?? "#999999")\"/>"
                }
            }
            let textX = colouring == .byManager && !strong ? x + 8 + Double(node.managers.count) * 7 : x + 8
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

        let rootHeight = box(tree.root, x: margin, y: margin, w: width - 2 * margin, label: "\(plan.organization.name) — \(plan.title)", strong: true)
        let areaTop = margin + rootHeight + 18
        var x = margin
        for node in tree.root.children {
            let span = node.kind == .area ? max(node.children.count, 1) : 1
            let w = Double(span) * columnWidth + Double(span - 1) * gap
            let title = node.kind == .area ? "Area strategica \(node.code) – \(node.title)" : node.title
            let areaHeight = box(node, x: x, y: areaTop, w: w, label: title, strong: true)
            body += line(x1: x + w / 2, y1: areaTop, x2: x + w / 2, y2: areaTop - 18)
            var columnX = x
            let objectives = node.kind == .area ? node.children : [node]
            for objective in objectives {
                var y = areaTop + areaHeight + 14
                if node.kind == .area {
                    body += line(x1: columnX + columnWidth / 2, y1: y, x2: columnX + columnWidth / 2, y2: y - 14)
                    y += box(objective, x: columnX, y: y, w: columnWidth, label: "\(objective.code) \(objective.title)", strong: false) + 10
                }
                for child in objective.children {
                    let prefix = child.kind == .agencyObjective ? "Obiettivo \(child.code)" : child.code
                    body += line(x1: columnX + 4, y1: y - 10, x2: columnX + 4, y2: y + 8)
                    y += box(child, x: columnX + 10, y: y, w: columnWidth - 10, label: "\(prefix) \(child.title)", strong: false) + 8
                }
                height = max(height, y)
                columnX += columnWidth + gap
            }
            x += w + gap
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
