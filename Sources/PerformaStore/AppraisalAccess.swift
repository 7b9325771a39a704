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

    /// A user as these rules see them in one year's staff: their role, their user and plan-manager ids, the person
    /// linked to them, and who is on the staff (an evaluator who is not is an organ, for which the HR office acts).
    /// Built once per request or transaction, then asked about each person; the store and the pages both use it.
    public struct Viewer: Sendable {
        public var role: Role
        public var userID: String
        public var managerID: String?
        /// The person of the staff linked to the user.
        public var person: String?
        var staffIDs: Set<String>

        public init(role: Role, userID: String, managerID: String?, staff: [StoredPerson]) {
            self.init(role: role, userID: userID, managerID: managerID, person: staff.first { $0.userID == userID }?.person.id,
                      staffIDs: Set(staff.map(\.person.id)))
        }

        /// From what a reader of the whole staff has already worked out once: the person linked to the user and the
        /// staff's ids.
        public init(role: Role, userID: String, managerID: String?, person: String?, staffIDs: Set<String>) {
            self.role = role
            self.userID = userID
            self.managerID = managerID
            self.person = person
            self.staffIDs = staffIDs
        }

        /// The person the user is on the staff: linked to their user, or the plan manager they are.
        public var me: String? { person ?? managerID.flatMap { staffIDs.contains($0) ? $0 : nil } }

        /// The capacities in which the user acts on a person's scheda (none: they may not see it).
        public func actors(on member: StoredPerson) -> Set<AppraisalActor> {
            let relation = AppraisalAccess.relation(of: member, userID: userID, managerID: managerID, userPerson: person)
            let organ = member.evaluator.map { !staffIDs.contains($0) } ?? true
            return AppraisalAccess.actors(role: role, relation: relation, managerial: member.person.category.isManagerial, evaluatorIsOrgan: organ)
        }
    }
}
