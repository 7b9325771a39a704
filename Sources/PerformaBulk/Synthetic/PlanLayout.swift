/// How many objectives a generated plan has and how its indicators are spread over them: about one
/// strategic objective per ten indicators, two to four areas, one or two own indicators and one to four
/// operational objectives per strategic objective, and the rest of the indicators spread at random, so
/// that the plan has exactly the number of indicators asked for.
struct PlanLayout {
    struct Strategic {
        var own: Int
        /// Indicators of each operational objective.
        var operational: [Int]
    }

    /// Strategic objectives of each area.
    var areas: [[Strategic]]
    /// Indicators of each agency objective.
    var agency: [Int]

    init(indicators total: Int, hasAgency: Bool, _ random: inout SeededRandom) {
        var strategics = (0..<max(1, total / 10)).map { _ in
            Strategic(own: random.int(1...2), operational: Array(repeating: 1, count: random.int(1...4)))
        }
        var agency = hasAgency ? Array(repeating: 1, count: random.int(1...3)) : []
        var placed = strategics.reduce(agency.count) { $0 + $1.own + $1.operational.count }
        // Small plans: fewer objectives until each has at least one indicator (agency first, then the
        // largest operational groups, then own indicators), never fewer than one indicator in all.
        while placed > max(total, 1) {
            if !agency.isEmpty {
                agency.removeLast()
            } else if let s = strategics.indices.max(by: { strategics[$0].operational.count < strategics[$1].operational.count }),
                      !strategics[s].operational.isEmpty {
                strategics[s].operational.removeLast()
            } else if let s = strategics.indices.last(where: { strategics[$0].own > 0 }) {
                strategics[s].own -= 1
            }
            placed -= 1
        }
        var groups: [(strategic: Int, operational: Int)] = []
        for (s, strategic) in strategics.enumerated() { groups += strategic.operational.indices.map { (s, $0) } }
        groups += agency.indices.map { (-1, $0) }
        for _ in placed..<max(total, placed) {
            if !groups.isEmpty && random.chance(85) {
                let group = random.pick(groups)
                if group.strategic < 0 { agency[group.operational] += 1 } else { strategics[group.strategic].operational[group.operational] += 1 }
            } else {
                strategics[random.int(0...(strategics.count - 1))].own += 1
            }
        }
        let sizes = SyntheticWeights.composition(units: strategics.count, parts: min(strategics.count, random.int(2...4)), &random)
        var start = 0
        areas = sizes.map { size in
            defer { start += size }
            return Array(strategics[start..<(start + size)])
        }
        self.agency = agency
    }
}
