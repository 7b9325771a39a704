/// A target as the plan states it: the original text, kept for printing, and its typed meaning.
///
/// In a plan file a target is written as its text (`"Almeno 100"`) and parsed on reading.
/// When the parser's reading is not what the plan means, the file gives the kind explicitly
/// (see docs/plan-format.md); `isExplicit` remembers that so the file is written back unchanged.
public struct Target: Hashable, Sendable {
    public var text: String
    public var kind: TargetKind
    public var isExplicit: Bool

    public init(text: String, kind: TargetKind, isExplicit: Bool = true) {
        self.text = text
        self.kind = kind
        self.isExplicit = isExplicit
    }

    /// Parses `text` with `TargetParser`.
    public init(parsing text: String) {
        self.text = text
        self.kind = TargetParser.parse(text)
        self.isExplicit = false
    }

    public static let notApplicable = Target(text: "-", kind: .notApplicable, isExplicit: false)
}
