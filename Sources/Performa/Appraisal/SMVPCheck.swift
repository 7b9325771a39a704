/// The consistency rules of an SMVP, beyond the types: weights adding up to 100, each category in one profile, a
/// usable scale, the contract's floor for the bonus increase. Every way an SMVP comes in (file, form) asks this.
public enum SMVPCheck {
    /// Every problem, with the path of the field (for the file reader to name the line) and an Italian message.
    public static func problems(_ smvp: SMVP) -> [FieldLimits.Problem] {
        var found: [FieldLimits.Problem] = []
        func add(_ path: [AppraisalFieldKey], _ message: String) { found.append(FieldLimits.Problem(path: path, message: message)) }
        if let limit = FieldLimits.firstProblem(in: smvp) { found.append(limit) }
        let scale = smvp.scale
        if scale.minimum < 0 || scale.maximum <= scale.minimum || scale.maximum > 100 {
            add([.key("scale")], "scala di valutazione non valida: il massimo deve superare il minimo (da 0 a 100)")
        }
        for (index, label) in scale.labels.enumerated() where !scale.contains(label.value) {
            add([.key("scale"), .key("labels"), .index(index), .key("value")], "il valore \(label.value) è fuori dalla scala \(scale.minimum)–\(scale.maximum)")
        }
        if !(0...12).contains(smvp.minimumServiceMonths) {
            add([.key("minimumServiceMonths")], "i mesi minimi di servizio devono essere tra 0 e 12")
        }
        if !(1...365).contains(smvp.reviewDeadlineDays) {
            add([.key("reviewDeadlineDays")], "il termine per chiedere il riesame deve essere tra 1 e 365 giorni")
        }
        if !(0...100).contains(smvp.topRatingFrom) { add([.key("topRatingFrom")], "la soglia delle valutazioni più alte deve essere tra 0 e 100") }
        if let rule = smvp.differentiationCapacity {
            if !(rule.targetStandardDeviation > 0 && rule.targetStandardDeviation <= 50) {
                add([.key("differentiationCapacity"), .key("targetStandardDeviation")], "lo scarto quadratico medio atteso deve essere oltre 0 e fino a 50 punti")
            }
            if rule.minimumRated < 2 { add([.key("differentiationCapacity"), .key("minimumRated")], "servono almeno 2 valutati per misurare la differenziazione") }
        }
        var profileOf: [PersonCategory: String] = [:]
        var profileIds: Set<String> = []
        for (p, profile) in smvp.profiles.enumerated() {
            let at: [AppraisalFieldKey] = [.key("profiles"), .index(p)]
            if !profileIds.insert(profile.id).inserted { add(at + [.key("id")], "profilo ripetuto «\(profile.id)»") }
            if profile.categories.isEmpty { add(at + [.key("categories")], "il profilo «\(profile.id)» non indica alcuna categoria") }
            for (c, category) in profile.categories.enumerated() {
                if let other = profileOf[category] {
                    add(at + [.key("categories"), .index(c)], "la categoria «\(category.italian)» è già nel profilo «\(other)»")
                }
                profileOf[category] = profile.id
            }
            let total = profile.components.reduce(0) { $0 + $1.weight }
            if abs(total - 100) > 0.005 {
                add(at + [.key("components")], "i pesi delle componenti del profilo «\(profile.id)» sommano a \(ItalianNumber.percentValue(total)) invece di 100,00%")
            }
            var kinds: Set<AppraisalComponent.Kind> = []
            for (c, component) in profile.components.enumerated() where !kinds.insert(component.kind).inserted {
                add(at + [.key("components"), .index(c), .key("kind")], "componente ripetuta «\(component.kind.rawValue)»")
            }
            if kinds.contains(.behaviours) && profile.behaviours.isEmpty {
                add(at + [.key("behaviours")], "il profilo «\(profile.id)» pesa i comportamenti ma non ne elenca nessuno")
            }
            if kinds.contains(.differentiation) && smvp.differentiationCapacity == nil {
                add(at + [.key("components")], "la capacità di differenziazione richiede la regola differentiationCapacity")
            }
            var behaviourIds: Set<String> = []
            for (b, behaviour) in profile.behaviours.enumerated() where !behaviourIds.insert(behaviour.id).inserted {
                add(at + [.key("behaviours"), .index(b), .key("id")], "comportamento ripetuto «\(behaviour.id)»")
            }
            if let bonus = profile.bonus {
                if !(0...100).contains(bonus.threshold) { add(at + [.key("bonus"), .key("threshold")], "la soglia deve essere tra 0 e 100 punti") }
                if let d = bonus.differentiation {
                    if !(d.share > 0 && d.share <= 100) {
                        add(at + [.key("bonus"), .key("differentiation"), .key("share")], "la quota di personale con la maggiorazione deve essere oltre 0% e fino a 100%")
                    }
                    if d.increase < BonusDifferentiation.contractualMinimumIncrease || d.increase > 1000 {
                        add(at + [.key("bonus"), .key("differentiation"), .key("increase")],
                            "la maggiorazione non può essere inferiore al 30% del premio medio (CCNL Funzioni Locali 2019-21, art. 81)")
                    }
                }
            }
        }
        return found
    }
}

/// A step of a field path (`profiles[2].components`): a key, or a position in a list.
public enum AppraisalFieldKey: CodingKey, Sendable {
    case key(String)
    case index(Int)

    public var stringValue: String {
        switch self {
        case .key(let name): return name
        case .index(let i): return "Index \(i)"
        }
    }
    public var intValue: Int? {
        if case .index(let i) = self { return i }
        return nil
    }
    public init?(stringValue: String) { self = .key(stringValue) }
    public init?(intValue: Int) { self = .index(intValue) }
}
