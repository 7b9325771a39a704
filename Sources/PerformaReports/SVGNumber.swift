/// Coordinates in SVG markup: integers when whole, else one decimal, with a dot (the SVG syntax, not Italian).
enum SVGNumber {
    static func text(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        if scaled % 10 == 0 { return String(scaled / 10) }
        return (scaled < 0 ? "-" : "") + "\(abs(scaled) / 10).\(abs(scaled) % 10)"
    }
}
