import Performa

/// A chapter of running text on a page (the POLA's, the 2.3 register's context analysis): its anchor, title and
/// paragraphs or lists, rendered by `partial-testo`.
struct TextSection: Sendable {
    var anchor: String
    var title: String
    var blocks: [NarrativeBlock]

    init(_ section: NarrativeSection, prefix: String) {
        anchor = prefix + section.key
        title = section.title
        blocks = NarrativeBlock.blocks(section.text)
    }
}
