import Performa

/// The albero della performance as indented Italian text (`performa tree`).
public enum TreeText {
    public static func render(_ plan: Plan) -> String {
        let tree = PerformanceTree(plan)
        let names = Dictionary(plan.organization.managers.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var out = "\(plan.organization.name)\n\(plan.title)\n"
        func visit(_ node: PerformanceTree.Node, depth: Int) {
            let label: String
            switch node.kind {
            case .organization: label = ""
            case .area: label = "Area strategica \(node.code) – \(node.title)"
            case .strategic: label = "Obiettivo strategico \(node.code) – \(node.title)"
            case .operational: label = "Obiettivo operativo \(node.code) – \(node.title)"
            case .agency: label = node.title
            case .agencyObjective: label = "Obiettivo \(node.code) – \(node.title)"
            }
            if node.kind != .organization {
                var line = String(repeating: "  ", count: depth - 1) + label
                if let weight = node.weight { line += " (peso \(ItalianNumber.percentValue(weight, fractionDigits: 0)))" }
                if !node.managers.isEmpty, node.kind != .agency {
                    line += " [" + node.managers.map { names[$0] ?? $0 }.joined(separator: ", ") + "]"
                }
                out += line + "\n"
            }
            for child in node.children { visit(child, depth: depth + 1) }
        }
        visit(tree.root, depth: 0)
        return out
    }
}
