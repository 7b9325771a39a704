import Foundation
import Performa

/// The application's URLs, in one place: Italian paths for pages, English ones for the API.
enum Paths {
    static let login = "/accesso"
    static let logout = "/uscita"
    static let home = "/"

    /// A path segment or query value, percent-encoded (objective keys and plan ids are usually plain already).
    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func plan(_ plan: String) -> String { "/piani/\(encode(plan))" }
    static func dashboard(_ plan: String) -> String { self.plan(plan) + "/cruscotto" }
    static func dashboard(_ plan: String, at checkpoint: Day) -> String { dashboard(plan) + "?scadenza=\(checkpoint)" }
    static func tree(_ plan: String) -> String { self.plan(plan) + "/albero" }
    static func objective(_ plan: String, _ key: String) -> String { self.plan(plan) + "/obiettivi/\(encode(key))" }
    static func measurements(_ plan: String) -> String { self.plan(plan) + "/rilevazioni" }
    static func measurements(_ plan: String, at checkpoint: Day) -> String { measurements(plan) + "?scadenza=\(checkpoint)" }
    static func campaign(_ plan: String, _ checkpoint: Day) -> String { self.plan(plan) + "/campagne/\(checkpoint)" }
    static func measurementForm(_ plan: String, _ key: IndicatorKey, _ checkpoint: Day) -> String {
        objective(plan, key.objective) + "/indicatori/\(key.number)/rilevazioni/\(checkpoint)"
    }
    static func evidence(_ plan: String, _ id: String) -> String { self.plan(plan) + "/evidenze/\(encode(id))" }
    static func managers(_ plan: String) -> String { self.plan(plan) + "/dirigenti" }
    static func validation(_ plan: String) -> String { self.plan(plan) + "/validazione" }
    static func validation(_ plan: String, at checkpoint: Day) -> String { validation(plan) + "?scadenza=\(checkpoint)" }
    static func agileWork(_ plan: String) -> String { self.plan(plan) + "/pola" }
    static func diagnostics(_ plan: String) -> String { self.plan(plan) + "/diagnostica" }
    static func documents(_ plan: String) -> String { self.plan(plan) + "/documenti" }
    static func document(_ plan: String, _ name: String) -> String { documents(plan) + "/\(name)" }
    static func planOverview(_ plan: String) -> String { self.plan(plan) + "/piano" }
    static func editor(_ plan: String) -> String { self.plan(plan) + "/modifica" }
    /// The PIAO the plan is part of: its sections, and the 2.3 register and section 3 with their forms.
    static func piao(_ plan: String) -> String { self.plan(plan) + "/piao" }
    static func piaoRisks(_ plan: String) -> String { piao(plan) + "/rischi" }
    static func piaoMeasure(_ plan: String, _ code: String) -> String { piaoRisks(plan) + "/misure/\(encode(code))" }
    static func piaoProcess(_ plan: String, _ code: String) -> String { piaoRisks(plan) + "/processi/\(encode(code))" }
    static func piaoEvent(_ plan: String, _ process: String, _ code: String) -> String { piaoProcess(plan, process) + "/eventi/\(encode(code))" }
    static func piaoTransparency(_ plan: String) -> String { piaoRisks(plan) + "/trasparenza" }
    static func piaoStaffing(_ plan: String) -> String { piao(plan) + "/fabbisogni" }
    static func piaoTraining(_ plan: String) -> String { piaoStaffing(plan) + "/formazione" }
    static func piaoUnits(_ plan: String) -> String { piao(plan) + "/unita" }
    static func piaoAgileWork(_ plan: String) -> String { piao(plan) + "/lavoro-agile" }
    static func piaoRegistry(_ plan: String) -> String { piao(plan) + "/anagrafica" }
    static func piaoPublicValue(_ plan: String, _ code: String) -> String { piao(plan) + "/valore-pubblico/\(encode(code))" }
    static func piaoDimensions(_ plan: String) -> String { piao(plan) + "/dimensioni" }

    // Individual appraisal: pages of a year (`?anno=2021`), outside any plan.
    static let myAppraisal = "/valutazione"
    static let staff = "/personale"
    static let appraisalCampaign = "/valutazioni"
    static let bonus = "/valutazioni/premi"
    static let differentiation = "/valutazioni/differenziazione"
    static func year(_ path: String, _ year: Int) -> String { path + "?anno=\(year)" }
    static func appraisal(_ person: String) -> String { staff + "/\(encode(person))" }
    static func appraisal(_ person: String, year: Int) -> String { self.year(appraisal(person), year) }
    static func appraisalAction(_ person: String) -> String { appraisal(person) + "/azioni" }
    static func appraisalRatings(_ person: String) -> String { appraisal(person) + "/comportamenti" }
    static func appraisalPrint(_ person: String, year: Int) -> String { self.year(appraisal(person) + "/stampa", year) }
}
