import Foundation

/// Running text of a plan (descriptions, POLA chapters) as blocks for a template: paragraphs (lines kept) and
/// bulleted lists, following the plan file's convention (blank line between paragraphs, `- ` for list items).
struct NarrativeBlock: Sendable {
    var lines: [String]
    var items: [String]
    var isList: Bool

    static func blocks(_ text: String?) -> [NarrativeBlock] {
        guard let text else { return [] }
        var blocks: [NarrativeBlock] = []
        var lines: [String] = []
        var items: [String] = []
        func flush() {
            if !lines.isEmpty { blocks.append(NarrativeBlock(lines: lines, items: [], isList: false)) }
            if !items.isEmpty { blocks.append(NarrativeBlock(lines: [], items: items, isList: true)) }
            lines = []
            items = []
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flush()
            } else if line.hasPrefix("- ") {
                if !lines.isEmpty { flush() }
                items.append(String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces))
            } else {
                if !items.isEmpty { flush() }
                lines.append(line)
            }
        }
        flush()
        return blocks
    }
}
