import Performa

/// The organizational structure (PIAO 3.1) as an SVG organigram: each unit a box with its kind and head, indented
/// under its parent and joined to it by an elbow line. Drawn top to bottom rather than as a wide pyramid, so that
/// a structure of dozens of units stays legible on an A4 page and on a phone.
struct OrganigramSVG {
    let organization: Organization

    private static let rowHeight = 46.0, boxHeight = 38.0, indent = 28.0, boxWidth = 430.0, margin = 8.0

    func render() -> String {
        let rows = ordered()
        let depth = rows.map(\.depth).max() ?? 0
        let width = Self.margin * 2 + Double(depth) * Self.indent + Self.boxWidth
        let height = Self.margin * 2 + Double(rows.count) * Self.rowHeight
        let f = SVGNumber.text
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Organigramma – \(XMLText.escape(organization.name))\" "
            + "viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\">"
        var lastRowAtDepth: [Int: Int] = [:]
        for (row, entry) in rows.enumerated() {
            let x = Self.margin + Double(entry.depth) * Self.indent
            let y = Self.margin + Double(row) * Self.rowHeight
            if entry.depth > 0, let parentRow = lastRowAtDepth[entry.depth - 1] {
                let lineX = x - Self.indent / 2
                let fromY = Self.margin + Double(parentRow) * Self.rowHeight + Self.boxHeight
                svg += "<path d=\"M\(f(lineX)) \(f(fromY)) V\(f(y + Self.boxHeight / 2)) H\(f(x))\" fill=\"none\" stroke=\"#5c6f82\" stroke-width=\"1\"/>"
            }
            lastRowAtDepth[entry.depth] = row
            let colour = Self.colour(entry.unit.kind)
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(Self.boxWidth))\" height=\"\(f(Self.boxHeight))\" rx=\"4\" fill=\"#ffffff\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
            svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"6\" height=\"\(f(Self.boxHeight))\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(f(x + 14))\" y=\"\(f(y + 16))\" font-size=\"12\" font-family=\"Titillium Web, sans-serif\" fill=\"#17324d\" font-weight=\"bold\">\(XMLText.escape(entry.unit.name))</text>"
            svg += "<text x=\"\(f(x + 14))\" y=\"\(f(y + 31))\" font-size=\"10.5\" font-family=\"Titillium Web, sans-serif\" fill=\"#435a70\">\(XMLText.escape(caption(entry.unit)))</text>"
        }
        return svg + "</svg>"
    }

    /// Kind and head: `Area dirigenziale – dr.ssa Cristiana Taioli`.
    private func caption(_ unit: OrgUnit) -> String {
        let head = unit.head.flatMap { id in organization.managers.first { $0.id == id } }.map(DocumentText.managerName)
        return [unit.kind.italian, head].compactMap { $0 }.joined(separator: " – ")
    }

    /// Depth-first, in the order the organization lists its units; a unit whose parent is unknown is a root.
    private func ordered() -> [(unit: OrgUnit, depth: Int)] {
        let units = organization.units ?? []
        let known = Set(units.map(\.id))
        var out: [(OrgUnit, Int)] = []
        var visited: Set<String> = []
        func visit(_ unit: OrgUnit, _ depth: Int) {
            guard visited.insert(unit.id).inserted else { return }
            out.append((unit, depth))
            for child in units where child.parent == unit.id { visit(child, depth + 1) }
        }
        for root in units where root.parent == nil || !known.contains(root.parent ?? "") { visit(root, 0) }
        // A cycle of parents has no root: its units are still drawn, at the top.
        for unit in units where !visited.contains(unit.id) { visit(unit, 0) }
        return out
    }

    private static func colour(_ kind: OrgUnit.Kind) -> String {
        switch kind {
        case .secretariat: return "#17324d"
        case .area: return "#0066cc"
        case .service: return "#008758"
        case .office: return "#a66300"
        case .staff: return "#5c6f82"
        }
    }
}
