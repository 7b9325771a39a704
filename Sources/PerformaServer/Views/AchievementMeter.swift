import Performa

/// A one-line SVG bar of an achievement, drawn in a table cell next to the number it shows (the number is
/// always printed too, so the bar is decoration for sighted users and is hidden from screen readers).
/// A dashed mark shows 100%; over-achievement fills the bar up to the policy's cap.
struct AchievementMeter: Sendable {
    var fraction: Double?
    var cap: Double = 1

    private static let width = 160.0, height = 14.0

    var svg: String {
        let scale = max(cap, 1)
        let full = Self.width / scale
        let width = coordinate(Self.width), height = coordinate(Self.height), bar = coordinate(Self.height - 4)
        var body = "<rect x=\"0\" y=\"2\" width=\"\(width)\" height=\"\(bar)\" rx=\"2\" fill=\"#e6e9f2\"/>"
        if let fraction {
            let length = min(max(fraction, 0), scale) / scale * Self.width
            body += "<rect x=\"0\" y=\"2\" width=\"\(coordinate(length))\" height=\"\(bar)\" rx=\"2\" fill=\"\(Self.colour(fraction))\"/>"
        }
        if scale > 1 {
            body += "<line x1=\"\(coordinate(full))\" y1=\"0\" x2=\"\(coordinate(full))\" y2=\"\(height)\" stroke=\"#17324d\" stroke-dasharray=\"2 2\"/>"
        }
        return "<svg class=\"meter\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-hidden=\"true\" focusable=\"false\">\(body)</svg>"
    }

    /// Green when reached, blue when close, orange when far: the colours of Bootstrap Italia's palette.
    static func colour(_ fraction: Double) -> String {
        if fraction >= 0.995 { return "#008055" }
        if fraction >= 0.6 { return "#0066cc" }
        return "#a66300"
    }
}

/// Two decimals at most, dot as decimal mark: SVG coordinates, not Italian text.
private func coordinate(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
