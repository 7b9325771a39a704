import Performa

/// The staff of one synthetic organization for the appraisal benchmark: the heads of the organization's units as
/// dirigenti (the Segretario Generale at the top unit), the rest spread over the units as EQ (one in ten) and
/// comparto staff, a few part-time or hired during the year; every behaviour of their SMVP profile rated and one
/// person in five with an individual objective and its measurement. Deterministic: organization `index` of `seed`
/// is always the same, so a national staff can be generated one organization at a time.
public enum SyntheticStaff {
    public static func organization(_ index: Int, seed: UInt64, people count: Int, in organization: Organization, smvp: SMVP,
                                    year: Int) -> (people: [Person], inputs: [AppraisalInput]) {
        var random = SeededRandom(seed: seed, stream: 0x5747_4146_0000_0000 | UInt64(index))
        let units = organization.units ?? []
        var people: [Person] = []
        for unit in units {
            guard let head = unit.head, !people.contains(where: { $0.id == head }), people.count < count else { continue }
            let category: PersonCategory = unit.parent == nil ? .segretarioGenerale : .dirigente
            people.append(Person(id: head, name: "Dirigente \(people.count + 1)", category: category, unit: unit.id))
        }
        let staffUnits = units.isEmpty ? [organization.id] : units.map(\.id)
        while people.count < count {
            let number = people.count + 1
            let category: PersonCategory = random.chance(10) ? .elevataQualificazione : .comparto
            let area: StaffArea? = category == .elevataQualificazione ? .funzionari : random.pick([.operatori, .operatoriEsperti, .istruttori, .funzionari])
            people.append(Person(id: "p\(number)", name: "Dipendente \(number)", category: category, area: area, unit: random.pick(staffUnits),
                                 partTime: random.chance(10) ? 0.5 : 1, serviceFrom: random.chance(5) ? Day(year, random.int(2...11), 1) : nil))
        }
        let inputs = people.map { person -> AppraisalInput in
            let behaviours = smvp.profile(for: person.category)?.behaviours ?? []
            let ratings = behaviours.map {
                BehaviourRating(behaviour: $0.id, rating: max(smvp.scale.minimum, smvp.scale.maximum - random.weighted([40, 35, 15, 7, 3])))
            }
            guard random.chance(20) else { return AppraisalInput(person: person.id, year: year, ratings: ratings) }
            return AppraisalInput(person: person.id, year: year, objectives: [individualObjective(year)],
                                  results: individualResults(year, achieved: random.int(60...100)), ratings: ratings)
        }
        return (people, inputs)
    }

    /// One individual objective with a percentage target, the shape most schede carry.
    static func individualObjective(_ year: Int) -> OperationalObjective {
        OperationalObjective(code: "OI.1", title: "Pratiche evase nei termini", weight: 100, indicators: [
            Indicator(number: 1, title: "Pratiche evase entro 5 giorni", targets: [IndicatorTarget(at: .yearEnd(year), target: Target(parsing: "90%"))], weight: 100)])
    }

    static func individualResults(_ year: Int, achieved: Int) -> Results {
        var results = Results(plan: "scheda")
        if let measurement = try? Measurement(indicator: IndicatorKey(objective: "OI.1", number: 1), at: .yearEnd(year), text: "\(achieved)%") {
            results.measurements = [measurement]
        }
        return results
    }
}
