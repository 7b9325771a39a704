import Performa

/// Who sees and acts on a scheda of individual appraisal — personal data that feeds pay — by the user's relation to
/// it (D.Lgs. 150/2009 art. 9; GDPR art. 5 c. 1 lett. c): the person their own; the evaluator the schede of the
/// people they evaluate; the HR office all of them (and it acts for an evaluator that is an organ, such as the
/// Giunta); the OIV the dirigenti's; the struttura tecnica and the reader only their own, if they have one. The one
/// place these rules live: the store applies them to every read and write, the pages to what they show.
public enum AppraisalAccess {
    public enum Relation: Sendable {
        case own, evaluates, other
    }

    /// The capacities in which a user acts on a scheda.
    public static func actors(role: Role, relation: Relation, managerial: Bool, evaluatorIsOrgan: Bool) -> Set<AppraisalActor> {
        var actors: Set<AppraisalActor> = []
        if relation == .own { actors.insert(.person) }
        if relation == .evaluates { actors.insert(.evaluator) }
        if role == .hr {
            actors.insert(.hr)
            if evaluatorIsOrgan && relation != .own { actors.insert(.evaluator) }
        }
        if role == .oiv && managerial { actors.insert(.oiv) }
        return actors
    }

    /// Whether the user may read the scheda.
    public static func mayRead(role: Role, relation: Relation, managerial: Bool) -> Bool {
        !actors(role: role, relation: relation, managerial: managerial, evaluatorIsOrgan: false).isEmpty
    }

    /// The relation of the user (`userID`, their plan manager id if any) to a person of the staff.
    public static func relation(of person: StoredPerson, userID: String, managerID: String?, userPerson: String?) -> Relation {
        let me = userPerson ?? managerID
        if person.userID == userID || (me != nil && person.person.id == me) { return .own }
        if let me, person.evaluator == me { return .evaluates }
        return .other
    }
}
