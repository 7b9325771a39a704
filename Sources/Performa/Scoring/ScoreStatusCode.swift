/// Score statuses as one byte: what `WeightedMean` and the bulk roll-up's status columns (`PerformaBulk`) hold.
extension ScoreStatus {
    /// Byte codes, in a fixed order.
    public static let compiledOrder: [ScoreStatus] = [.complete, .incomplete, .missing, .notApplicable, .neutralised, .blocked, .invalid]

    @inlinable
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
