import Performa

/// Horizontal bars of achievements (0–100%, more when the policy allows over-achievement), with a line
/// at 100% and the value printed beside each bar in Italian format. Used by the Relazione and the
/// Monitoraggio; the same figures are always in a table beside the picture.
struct BarChartSVG {
    struct Bar {
        var label: String
        /// Achievement as a fraction; nil draws no bar and prints `text` (or "n.d.").
        var value: Double?
        var text: String?
        /// Highlighted bar (e.g. corrected by the OIV, or at risk).
        var highlighted = false
    }

    var title: String
    var bars: [Bar]

    private let width = 720.0, labelWidth = 250.0, valueWidth = 120.0, rowHeight = 26.0, top = 12.0

    func render() -> String {
        let plotLeft = labelWidth + 8
        let plotWidth = width - plotLeft - valueWidth
        let maximum = max(1.0, bars.compactMap(\.value).max() ?? 1)
        var body = ""
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * rowHeight
            let lines = XMLText.wrap(bar.label, width: 42, maxLines: 2)
            for (j, line) in lines.enumerated() {
                let lineY = y + (lines.count == 1 ? 16 : 10 + Double(j) * 11)
                body += text(labelWidth, lineY, line, anchor: "end", size: lines.count == 1 ? 10 : 9)
            }
            let valueText: String
            if let value = bar.value {
                let w = max(0, value) / maximum * plotWidth
                let colour = bar.highlighted ? "#b71918" : (value >= 1 ? "#008055" : "#0066cc")
                body += "<rect x=\"\(n(plotLeft))\" y=\"\(n(y + 5))\" width=\"\(n(w))\" height=\"\(n(rowHeight - 10))\" fill=\"\(colour)\"><title>\(XMLText.escape(bar.label)): \(XMLText.escape(bar.text ?? ItalianNumber.percent(value)))</title></rect>"
                valueText = bar.text ?? ItalianNumber.percent(value)
            } else {
                valueText = bar.text ?? "n.d."
            }
            body += text(plotLeft + plotWidth + 6, y + 16, valueText, anchor: "start", size: 10)
        }
        let bottom = top + Double(bars.count) * rowHeight
        let full = plotLeft + 1 / maximum * plotWidth
        body += "<line x1=\"\(n(plotLeft))\" y1=\"\(n(top))\" x2=\"\(n(plotLeft))\" y2=\"\(n(bottom))\" stroke=\"#5d7083\" stroke-width=\"1\"/>"
        body += "<line x1=\"\(n(full))\" y1=\"\(n(top - 4))\" x2=\"\(n(full))\" y2=\"\(n(bottom))\" stroke=\"#17324d\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>"
        body += text(plotLeft, bottom + 14, "0%", anchor: "middle", size: 9)
        body += text(full, bottom + 14, "100%", anchor: "middle", size: 9)
        let height = bottom + 22
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(XMLText.escape(title))\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\">"
            + "<title>\(XMLText.escape(title))</title>" + body + "</svg>"
    }

    private func text(_ x: Double, _ y: Double, _ value: String, anchor: String, size: Double) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" font-family=\"Titillium Web, DejaVu Sans, sans-serif\" fill=\"#17324d\" text-anchor=\"\(anchor)\">\(XMLText.escape(value))</text>"
    }

    private func n(_ value: Double) -> String { SVGNumber.text(value) }
}
