import Performa

/// The POLA's monthly figures as a picture: per month, employees and agile workers side by side (upper
/// panel) and the agile days worked in the month (lower panel). The numbers are in the table beside it.
struct AgileWorkChartSVG {
    let months: [AgileMonth]
    let year: Int

    private let width = 760.0, left = 52.0, right = 12.0
    private let employeesColour = "#a9b8c6", agileColour = "#0066cc", daysColour = "#008055"

    func render() -> String {
        let title = "Lavoro agile nel \(year): dipendenti, lavoratori agili e giornate per mese"
        let plot = width - left - right
        let slot = plot / Double(max(months.count, 1))
        var body = ""
        // Legend.
        body += legend(x: left, y: 14, colour: employeesColour, label: "N° dipendenti totali")
        body += legend(x: left + 170, y: 14, colour: agileColour, label: "N° lavoratori agili")
        body += legend(x: left + 330, y: 14, colour: daysColour, label: "Giornate di lavoro agile nel mese")

        // Upper panel: employees and agile workers.
        let top1 = 34.0, height1 = 170.0
        let maxPeople = Double(months.map { max($0.employees, $0.agileWorkers) }.max() ?? 1)
        body += axis(top: top1, height: height1, maximum: maxPeople)
        for (i, month) in months.enumerated() {
            let x = left + Double(i) * slot
            let barWidth = slot * 0.36
            body += bar(x: x + slot * 0.12, top: top1, height: height1, value: Double(month.employees), maximum: maxPeople, width: barWidth, colour: employeesColour,
                        label: "\(monthName(month.month)): \(DocumentText.count(month.employees)) dipendenti")
            body += bar(x: x + slot * 0.12 + barWidth, top: top1, height: height1, value: Double(month.agileWorkers), maximum: maxPeople, width: barWidth, colour: agileColour,
                        label: "\(monthName(month.month)): \(DocumentText.count(month.agileWorkers)) lavoratori agili")
            body += text(x + slot / 2, top1 + height1 + 14, monthName(month.month), anchor: "middle")
        }

        // Lower panel: agile days in the month.
        let top2 = top1 + height1 + 40, height2 = 130.0
        let maxDays = Double(months.map(\.agileDaysInMonth).max() ?? 1)
        body += axis(top: top2, height: height2, maximum: maxDays)
        for (i, month) in months.enumerated() {
            let x = left + Double(i) * slot
            body += bar(x: x + slot * 0.2, top: top2, height: height2, value: Double(month.agileDaysInMonth), maximum: maxDays, width: slot * 0.6, colour: daysColour,
                        label: "\(monthName(month.month)): \(DocumentText.count(month.agileDaysInMonth)) giornate di lavoro agile")
            body += text(x + slot / 2, top2 + height2 + 14, monthName(month.month), anchor: "middle")
        }
        let total = top2 + height2 + 24
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(XMLText.escape(title))\" viewBox=\"0 0 \(n(width)) \(n(total))\" width=\"\(n(width))\" height=\"\(n(total))\">"
            + "<title>\(XMLText.escape(title))</title>" + body + "</svg>"
    }

    private func monthName(_ month: Int) -> String {
        (1...12).contains(month) ? AgileMonth.italianMonthAbbreviations[month - 1] : String(month)
    }

    /// Horizontal grid lines at 0, ½ and the maximum, labelled in Italian format.
    private func axis(top: Double, height: Double, maximum: Double) -> String {
        var out = ""
        for fraction in [0.0, 0.5, 1.0] {
            let y = top + height - fraction * height
            out += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(width - right))\" y2=\"\(n(y))\" stroke=\"#c5c7c9\" stroke-width=\"1\"/>"
            out += text(left - 6, y + 4, ItalianNumber.format(maximum * fraction), anchor: "end")
        }
        return out
    }

    private func bar(x: Double, top: Double, height: Double, value: Double, maximum: Double, width: Double, colour: String, label: String) -> String {
        let h = maximum > 0 ? value / maximum * height : 0
        return "<rect x=\"\(n(x))\" y=\"\(n(top + height - h))\" width=\"\(n(width))\" height=\"\(n(h))\" fill=\"\(colour)\"><title>\(XMLText.escape(label))</title></rect>"
    }

    private func legend(x: Double, y: Double, colour: String, label: String) -> String {
        "<rect x=\"\(n(x))\" y=\"\(n(y - 9))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>" + text(x + 14, y, label, anchor: "start")
    }

    private func text(_ x: Double, _ y: Double, _ value: String, anchor: String) -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"10\" font-family=\"Titillium Web, DejaVu Sans, sans-serif\" fill=\"#17324d\" text-anchor=\"\(anchor)\">\(XMLText.escape(value))</text>"
    }

    private func n(_ value: Double) -> String { SVGNumber.text(value) }
}
