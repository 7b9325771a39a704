import Foundation

/// Trimming without Foundation's bridging to `NSString` (which costs microseconds a call on Linux and
/// dominated validation and target parsing). Same result as `trimmingCharacters(in: .whitespaces)` and
/// `(in: .whitespacesAndNewlines)`: those sets hold only BMP scalars, so trimming scalars equals trimming
/// UTF-16 units; non-ASCII scalars are asked of the same `CharacterSet`.
package enum PlainText {
    /// `trimmingCharacters(in: .whitespaces)`.
    package static func trimmingSpaces<S: StringProtocol>(_ text: S) -> Substring.UnicodeScalarView {
        trimming(text, newlines: false)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`.
    package static func trimmingSpacesAndNewlines<S: StringProtocol>(_ text: S) -> Substring.UnicodeScalarView {
        trimming(text, newlines: true)
    }

    /// Whether `trimmingCharacters(in: .whitespacesAndNewlines)` would leave nothing.
    package static func isBlank<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.allSatisfy { isSpace($0, newlines: true) }
    }

    package static func isSpace(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x20, 0x09: return true
        case 0x0A...0x0D: return newlines
        case 0..<0x80: return false
        default: return (newlines ? CharacterSet.whitespacesAndNewlines : CharacterSet.whitespaces).contains(scalar)
        }
    }

    private static func trimming<S: StringProtocol>(_ text: S, newlines: Bool) -> Substring.UnicodeScalarView {
        let scalars = Substring(text).unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start], newlines: newlines) { scalars.formIndex(after: &start) }
        while end > start {
            let last = scalars.index(before: end)
            guard isSpace(scalars[last], newlines: newlines) else { break }
            end = last
        }
        return scalars[start..<end]
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, without the bridging (see `PlainText`).
    package var trimmingSpaces: String { String(Substring(PlainText.trimmingSpaces(self))) }
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without the bridging (see `PlainText`).
    package var trimmingSpacesAndNewlines: String { String(Substring(PlainText.trimmingSpacesAndNewlines(self))) }
}
