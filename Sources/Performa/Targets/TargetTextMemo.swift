/// Kinds of target texts already parsed while reading one file: plans repeat `SI`, `-`, `100%`, `entro il
/// 31/12` hundreds of times, and the parser costs microseconds a text. Handed to the decoder (and to the
/// encoder that checks a file's keys) under `userInfoKey`; one per file, used by one thread.
/// `@unchecked Sendable` because `JSONEncoder.userInfo` asks for Sendable values: each memo is made for one encode
/// or decode call and never leaves the thread that runs it.
public final class TargetTextMemo: @unchecked Sendable {
    public static let userInfoKey = CodingUserInfoKey(rawValue: "performa.targetTextMemo")!

    private var kinds: [String: TargetKind] = [:]

    public init() {}

    /// `TargetParser.parse(text)`, parsed once per text.
    public func kind(of text: String) -> TargetKind {
        if let kind = kinds[text] { return kind }
        let kind = TargetParser.parse(text)
        kinds[text] = kind
        return kind
    }

    /// The memo a decoder or encoder carries, if any.
    static func of(_ userInfo: [CodingUserInfoKey: Any]) -> TargetTextMemo? {
        userInfo[userInfoKey] as? TargetTextMemo
    }
}
