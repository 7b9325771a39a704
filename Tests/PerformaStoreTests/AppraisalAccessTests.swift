import Performa
import Testing
@testable import PerformaStore

/// `AppraisalAccess.actors`, the one rule for who reads and acts on a scheda, against a table written by hand:
/// every role × relation, on a dirigente's scheda whose evaluator is an organ (the most any user may get) and on an
/// employee's scheda with a person as evaluator (the least).
@Suite("Appraisal access")
struct AppraisalAccessTests {
    typealias Row = (role: Role, relation: AppraisalAccess.Relation, managerial: Set<AppraisalActor>, plain: Set<AppraisalActor>)

    static let table: [Row] = [
        (.employee, .own, [.person], [.person]),
        (.employee, .evaluates, [.evaluator], [.evaluator]),
        (.employee, .other, [], []),
        (.manager, .own, [.person], [.person]),
        (.manager, .evaluates, [.evaluator], [.evaluator]),
        (.manager, .other, [], []),
        (.hr, .own, [.person, .hr], [.person, .hr]),
        (.hr, .evaluates, [.evaluator, .hr], [.evaluator, .hr]),
        (.hr, .other, [.hr, .evaluator], [.hr]),
        (.oiv, .own, [.person, .oiv], [.person]),
        (.oiv, .evaluates, [.evaluator, .oiv], [.evaluator]),
        (.oiv, .other, [.oiv], []),
        (.admin, .own, [.person], [.person]),
        (.admin, .evaluates, [.evaluator], [.evaluator]),
        (.admin, .other, [], []),
        (.viewer, .own, [.person], [.person]),
        (.viewer, .evaluates, [.evaluator], [.evaluator]),
        (.viewer, .other, [], []),
        (.rpct, .own, [.person], [.person]),
        (.rpct, .evaluates, [.evaluator], [.evaluator]),
        (.rpct, .other, [], []),
    ]

    @Test("every role and relation, on a dirigente's scheda evaluated by an organ and on an employee's evaluated by a person")
    func matrix() {
        #expect(Set(Self.table.map(\.role)) == Set(Role.allCases), "the table covers every role")
        for row in Self.table {
            let managerial = AppraisalAccess.actors(role: row.role, relation: row.relation, managerial: true, evaluatorIsOrgan: true)
            let plain = AppraisalAccess.actors(role: row.role, relation: row.relation, managerial: false, evaluatorIsOrgan: false)
            #expect(managerial == row.managerial, "\(row.role) \(row.relation), dirigente")
            #expect(plain == row.plain, "\(row.role) \(row.relation), comparto")
            #expect(AppraisalAccess.mayRead(role: row.role, relation: row.relation, managerial: false) == !row.plain.isEmpty)
        }
        // The HR office stands in for an organ, never for a person who evaluates, and never on its own scheda.
        #expect(AppraisalAccess.actors(role: .hr, relation: .own, managerial: false, evaluatorIsOrgan: true) == [.person, .hr])
    }

    @Test("the relation: linked user or manager id is the person; their evaluator id evaluates; anyone else is other")
    func relation() {
        let person = StoredPerson(person: Person(id: "p1", name: "Uno Persona", category: .comparto, area: .istruttori, unit: "a", evaluator: "rossi"),
                                  year: 2021, evaluator: "rossi", userID: "u-p1")
        #expect(AppraisalAccess.relation(of: person, userID: "u-p1", managerID: nil, userPerson: nil) == .own)
        #expect(AppraisalAccess.relation(of: person, userID: "u-x", managerID: nil, userPerson: "p1") == .own)
        #expect(AppraisalAccess.relation(of: person, userID: "u-x", managerID: "p1", userPerson: nil) == .own)
        #expect(AppraisalAccess.relation(of: person, userID: "u-rossi", managerID: "rossi", userPerson: nil) == .evaluates)
        #expect(AppraisalAccess.relation(of: person, userID: "u-x", managerID: "altro", userPerson: "rossi") == .evaluates)
        #expect(AppraisalAccess.relation(of: person, userID: "u-x", managerID: nil, userPerson: nil) == .other)
        #expect(AppraisalAccess.relation(of: person, userID: "u-x", managerID: "bianchi", userPerson: nil) == .other)
    }
}
