import Performa

/// One row of a results table: code, title, weight, achievement (with the computed one beside an OIV-validated
/// value), its status badge and an SVG bar.
struct ScoreLine: Sendable {
    var code: String
    var title: String
    var href: String?
    var weight: String
    var achievement: String
    /// The computed achievement, shown when the OIV validated a different one.
    var computed: String?
    var overrideReason: String?
    var meter: String
    var badge: Badge
    /// An anchor for links from other pages (`area-1`).
    var anchor: String?

    init(code: String, title: String, href: String? = nil, weight: Double?, score: Score, cap: Double, anchor: String? = nil) {
        self.code = code
        self.title = title
        self.href = href
        self.weight = Display.weight(weight)
        achievement = Display.achievement(score.final)
        if let override = score.override {
            computed = Display.achievement(score.computed)
            overrideReason = override.reason
        }
        meter = AchievementMeter(fraction: score.final, cap: cap).svg
        badge = Display.statusBadge(score)
        self.anchor = anchor
    }
}
