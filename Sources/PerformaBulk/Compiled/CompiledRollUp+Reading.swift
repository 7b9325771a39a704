import Performa

extension CompiledRollUp {
    public func organizationIndex(id: String) -> Int? { organizations.id.firstIndex(of: id) }

    public func organizationScore(_ organization: Int) -> CompiledScore {
        CompiledScore(score: organizations.score[organization], status: organizations.status[organization])
    }

    public func areaScore(organization: Int, code: String) -> CompiledScore? {
        lookups[organization].areas[code].map { CompiledScore(score: areas.score[Int($0)], status: areas.status[Int($0)]) }
    }

    /// A strategic, operational or agency objective by key (`1.2`, `1.2.1`, `PB.1`).
    public func objectiveScore(organization: Int, key: String) -> CompiledScore? {
        switch lookups[organization].objectives[key] {
        case .group(let g)?:
            return CompiledScore(score: groups.score[Int(g)], override: groups.override[Int(g)], status: groups.status[Int(g)])
        case .strategic(let s)?:
            return CompiledScore(score: strategics.score[Int(s)], override: strategics.override[Int(s)], status: strategics.status[Int(s)])
        case nil:
            return nil
        }
    }

    public func indicatorScore(organization: Int, key: IndicatorKey) -> CompiledScore? {
        indicatorIndex(organization: organization, key: key).map(indicatorScore)
    }

    public func indicatorScore(_ i: Int) -> CompiledScore {
        let overridden = indicators.rule[i] & ScoringRule.overriddenFlag != 0
        return CompiledScore(score: indicators.score[i], override: overridden ? indicators.override[i] : .nan, status: indicators.status[i])
    }

    public func agencyScore(organization: Int, id: String) -> CompiledScore? {
        lookups[organization].agencies[id].map { CompiledScore(score: agencies.score[Int($0)], status: agencies.status[Int($0)]) }
    }

    /// The manager's score from their (first) assignment table.
    public func managerScore(organization: Int, id: String) -> CompiledScore? {
        lookups[organization].managers[id].map { CompiledScore(score: managers.score[Int($0)], status: managers.status[Int($0)]) }
    }
}
