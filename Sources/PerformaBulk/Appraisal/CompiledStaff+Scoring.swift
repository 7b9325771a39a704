import Performa

extension CompiledStaff {
    /// Scores every scheda from scratch: the individual objectives (one roll-up for all), each appraised person's
    /// behaviours, then every final score with the capacità di differenziazione of those who rate others.
    public mutating func score() {
        objectives.rollUp()
        let count = personCount
        behaviourHundredths = Array(repeating: Self.notRated, count: count)
        behaviourStatus = Array(repeating: .notApplicable, count: count)
        for p in 0..<count where appraised[p] {
            let start = Int(ratingStart[p]), ratings = self.ratings
            let value = BehaviourScoring.value(behaviours: smvp.profiles[Int(profile[p])].behaviours, scale: smvp.scale) { k in
                let rating = ratings[start + k]
                return rating == Self.notRated ? nil : Int(rating)
            }
            behaviourStatus[p] = value.status
            if let hundredths = value.hundredths { behaviourHundredths[p] = Int32(hundredths) }
        }
        final = Array(repeating: Score(computed: nil, status: .notApplicable), count: count)
        points = Array(repeating: nil, count: count)
        for o in 0..<organizationCount {
            for p in people(ofOrganization: o) where appraised[p] {
                final[p] = finalScore(of: p, organization: o)
                points[p] = Appraisal.points(final[p])
            }
        }
    }

    /// Person `p`'s final score: the profile's components, each as the scheda scores it, combined by
    /// `AppraisalScoring.finalScore`.
    private func finalScore(of p: Int, organization o: Int) -> Score {
        let notApplicable = Score(computed: nil, status: .notApplicable)
        let parts = smvp.profiles[Int(profile[p])].components.map { component -> (weight: Double, score: Score) in
            let score: Score
            switch component.kind {
            case .organization:
                score = organizationScore[o]
            case .unit:
                score = unitScore[p]
            case .assignedObjectives:
                score = assignedScore[p] ?? notApplicable
            case .individualObjectives:
                let s = Int(objectivesSlot[p])
                score = s < 0 ? notApplicable : Score(computed: objectives.strategics.score[s].isNaN ? nil : objectives.strategics.score[s],
                                                      status: ScoreStatus(compiledCode: objectives.strategics.status[s]))
            case .behaviours:
                let hundredths = behaviourHundredths[p]
                score = Score(computed: hundredths == Self.notRated ? nil : Double(hundredths) / 10_000, status: behaviourStatus[p])
            case .differentiation:
                score = differentiation(of: p)
            }
            return (component.weight, score)
        }
        return AppraisalScoring.finalScore(parts).score
    }

    /// The capacità di differenziazione of person `p`: the spread of the behaviour points of the people they rate.
    private func differentiation(of p: Int) -> Score {
        guard let rule = smvp.differentiationCapacity else { return Score(computed: nil, status: .notApplicable) }
        let scores = rated[Int(ratedStart[p])..<Int(ratedStart[p + 1])].compactMap { q -> Double? in
            let hundredths = behaviourHundredths[Int(q)]
            return hundredths == Self.notRated ? nil : Double(hundredths) / 100
        }
        return DifferentiationCapacity.score(rated: scores.count, standardDeviation: RatingDistribution.meanAndStandardDeviation(scores)?.standardDeviation,
                                             rule: rule)
    }

    /// Organization `o`'s numbers after `score()`, in id order: what `AppraisalScoring.numbersAll` gives.
    public func numbers(ofOrganization o: Int) -> [AppraisalNumbers] {
        people(ofOrganization: o).map { p in
            AppraisalNumbers(person: personIds[p], profile: profile[p] < 0 ? nil : smvp.profiles[Int(profile[p])].id,
                             serviceMonths: Int(serviceMonths[p]), appraised: appraised[p], final: final[p], points: points[p])
        }
    }

    /// Organization `o`'s bonus, one distribution per profile with a fund (`funds(profile id)`, cents), after
    /// `score()`: what `AppraisalBonus.distributions(numbers:context:funds:)` gives.
    public func distributions(ofOrganization o: Int, funds: (String) -> Int64?) -> [BonusDistribution] {
        smvp.profiles.enumerated().compactMap { index, profile in
            funds(profile.id).map { fund in
                let entries = people(ofOrganization: o).filter { self.profile[$0] == Int32(index) }.map { p in
                    BonusDistribution.Entry(person: personIds[p], points: appraised[p] && final[p].status == .complete ? points[p] : nil,
                                            partTime: partTime[p], serviceMonths: Int(serviceMonths[p]))
                }
                return BonusDistribution(profile: profile.id, fundCents: fund, rules: profile.bonus ?? BonusRules(threshold: 0), entries: entries)
            }
        }
    }
}
