import Foundation
import Performa

/// Numbers, dates and statuses as the pages print them, in Italian (`97,40%`, `31/12/2021 14:05`).
enum Display {
    static let missing = "n.d."

    /// An achievement fraction as a percentage with two decimals, `n.d.` when there is none.
    static func achievement(_ fraction: Double?) -> String {
        fraction.map { ItalianNumber.percent($0) } ?? missing
    }

    /// A weight in percent (`20` → `20,00%`), `–` when the plan gives none.
    static func weight(_ percent: Double?) -> String {
        percent.map { ItalianNumber.percentValue($0) } ?? "–"
    }

    static func euro(_ cents: Int64) -> String { ItalianNumber.euro(cents: cents) }

    /// A moment in Rome's time, `25/11/2026 05:13`.
    static func moment(_ date: Date) -> String {
        let c = romeCalendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(c.day))/\(two(c.month))/\(c.year ?? 0) \(two(c.hour)):\(two(c.minute))"
    }

    /// Today in Rome, as a calendar day.
    static func today(_ now: Date = Date()) -> Day {
        let c = romeCalendar.dateComponents([.year, .month, .day], from: now)
        return Day(c.year ?? 1970, c.month ?? 1, c.day ?? 1)
    }

    /// Made once: a calendar and its time zone cost more to build than the date (and pages ask for it on every request).
    private static let romeCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome") ?? .current
        return calendar
    }()

    /// The Bootstrap Italia badge of a score's status.
    static func statusBadge(_ score: Score) -> Badge {
        switch score.judgement {
        case .confirmation: return Badge(text: OIVJudgement.confirmation.italian, css: "badge bg-primary")
        case .correction: return Badge(text: OIVJudgement.correction.italian, css: "badge bg-warning text-dark")
        case nil: break
        }
        switch score.status {
        case .complete: return Badge(text: score.status.italian, css: "badge bg-success")
        case .incomplete: return Badge(text: score.status.italian, css: "badge bg-warning text-dark")
        case .missing, .blocked: return Badge(text: score.status.italian, css: "badge bg-secondary")
        case .notApplicable, .neutralised: return Badge(text: score.status.italian, css: "badge bg-light text-dark")
        case .invalid: return Badge(text: score.status.italian, css: "badge bg-danger")
        }
    }

    /// A checkpoint as the seed names it: `30/6/2021`, `31/12/2021`.
    static func checkpoint(_ day: Day) -> String {
        day.checkpointLabel == day.italian ? day.italian : "\(day.checkpointLabel)/\(day.year)"
    }
}

struct Badge: Sendable {
    var text: String
    var css: String
}
