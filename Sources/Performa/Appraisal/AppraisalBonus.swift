/// The bonus of a year from its computed schede: each SMVP profile's fund shared (`BonusDistribution`) among the
/// people that profile appraised, with their final points (only a complete scheda counts), part-time share and
/// months of service. One home for turning schede into bonus entries, for every way out (CLI, pages, open data)
/// and for the bulk path, which has only the schede's numbers (`AppraisalNumbers`).
public enum AppraisalBonus {
    public static func distribution(profile: AppraisalProfile, schede: [Appraisal], context: AppraisalContext, fundCents: Int64) -> BonusDistribution {
        distribution(profile: profile, numbers: schede.map(AppraisalNumbers.init), context: context, fundCents: fundCents)
    }

    public static func distribution(profile: AppraisalProfile, numbers: [AppraisalNumbers], context: AppraisalContext, fundCents: Int64) -> BonusDistribution {
        let entries = numbers.filter { $0.profile == profile.id }.map { scheda in
            BonusDistribution.Entry(person: scheda.person, points: scheda.appraised && scheda.final.status == .complete ? scheda.points : nil,
                                    partTime: context.person(scheda.person)?.partTime ?? 1, serviceMonths: scheda.serviceMonths)
        }
        // A profile without bonus rules pays every complete scheda, without differentiation.
        return BonusDistribution(profile: profile.id, fundCents: fundCents, rules: profile.bonus ?? BonusRules(threshold: 0), entries: entries)
    }

    /// One distribution per profile that has a fund, in the SMVP's profile order.
    public static func distributions(schede: [Appraisal], context: AppraisalContext, funds: (String) -> Int64?) -> [BonusDistribution] {
        distributions(numbers: schede.map(AppraisalNumbers.init), context: context, funds: funds)
    }

    /// The same from the bulk path's numbers.
    public static func distributions(numbers: [AppraisalNumbers], context: AppraisalContext, funds: (String) -> Int64?) -> [BonusDistribution] {
        context.smvp.profiles.compactMap { profile in
            funds(profile.id).map { distribution(profile: profile, numbers: numbers, context: context, fundCents: $0) }
        }
    }
}
