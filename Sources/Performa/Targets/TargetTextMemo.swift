import Synchronization

/// Kinds of target texts already parsed: plans repeat `SI`, `-`, `100%`, `entro il 31/12` hundreds of times, and
/// the parser costs microseconds a text. Handed to the decoder (and to the encoder that checks a file's keys) under
/// `userInfoKey`. A file's reader makes one for that file; the store shares `TargetTextMemo.stored` between all the
/// plans it decodes, so that a server reading thousands of organizations' plans parses each distinct text once.
public final class TargetTextMemo: Sendable {
    public static let userInfoKey = CodingUserInfoKey(rawValue: "performa.targetTextMemo")!

    /// The memo of the plans read from a database, for the life of the process. Bounded: when it holds `limit` texts
    /// it starts again empty (the common texts come back at once; a plan's odd ones are parsed again, as without it).
    public static let stored = TargetTextMemo(limit: 50_000)

    private let kinds = Mutex<[String: TargetKind]>([:])
    private let limit: Int

    public init(limit: Int = .max) {
        precondition(limit > 0)
        self.limit = limit
    }

    /// `TargetParser.parse(text)`, parsed once per text (while the memo holds it).
    public func kind(of text: String) -> TargetKind {
        if let kind = kinds.withLock({ $0[text] }) { return kind }
        // Parsed outside the lock: two threads may parse the same text at once, and both get the same kind.
        let kind = TargetParser.parse(text)
        kinds.withLock { kinds in
            if kinds.count >= limit { kinds.removeAll(keepingCapacity: true) }
            kinds[text] = kind
        }
        return kind
    }

    /// How many texts the memo holds.
    public var count: Int { kinds.withLock { $0.count } }

    /// The memo a decoder or encoder carries, if any.
    static func of(_ userInfo: [CodingUserInfoKey: Any]) -> TargetTextMemo? {
        userInfo[userInfoKey] as? TargetTextMemo
    }
}
