/// Score statuses stored as one byte per node of the compiled roll-up.
extension ScoreStatus {
    /// Byte codes, in a fixed order (stored in `CompiledRollUp`'s status columns).
    public static let compiledOrder: [ScoreStatus] = [.complete, .incomplete, .missing, .notApplicable, .neutralised, .blocked, .invalid]

    public var compiledCode: UInt8 {
        switch self {
        case .complete: return 0
        case .incomplete: return 1
        case .missing: return 2
        case .notApplicable: return 3
        case .neutralised: return 4
        case .blocked: return 5
        case .invalid: return 6
        }
    }

    public init(compiledCode: UInt8) {
        self = ScoreStatus.compiledOrder[Int(compiledCode)]
    }
}
