import ArgumentParser
import Foundation
import Performa
import PerformaFormats
import PerformaStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Importa un file di piano nel database, in una sola transazione.",
        discussion: """
        Un file con errori non scrive nulla: il messaggio indica la riga e il campo. Se l'ente del piano non \
        esiste viene creato. Un piano già presente e identico resta com'è; una bozza viene sostituita; un piano \
        adottato non si modifica: le modifiche diventano una revisione (nuova versione) con --reason, \
        --act-number e --act-date.
        """
    )

    @Argument(help: "Il file del piano (YAML o JSON).")
    var plan: String

    @OptionGroup var options: DatabaseOptions

    @Option(name: .long, help: "Motivo della revisione di un piano adottato (es. «obiettivo aggiuntivo del I semestre»).")
    var reason: String?

    @Option(name: .long, help: "Numero dell'atto che approva la revisione (es. 80).")
    var actNumber: String?

    @Option(name: .long, help: "Data dell'atto che approva la revisione, AAAA-MM-GG.")
    var actDate: String?

    @Option(name: .long, help: "Organo che approva la revisione.")
    var actBody: String = "Giunta"

    func run() async throws {
        let loaded = try CommandSupport.loadPlan(plan)
        let revision = try self.revision()
        let diagnostics = PlanValidator().validate(loaded)
        let source = plan
        let outcome = try await StoreCommandSupport.withStore(options) { store in
            let result = try await store.importPlan(.commandLine(organization: loaded.organization.id), loaded, revision: revision, createOrganization: true)
            return (result, store.address)
        }
        let (result, address) = outcome
        let info = result.info
        switch result {
        case .created(_, let organizationCreated):
            if organizationCreated { print("Creato l'ente «\(loaded.organization.id)» (\(loaded.organization.name)).") }
            print("Piano «\(info.planID)» importato in \(address): versione \(info.version) (\(info.status.italian)).")
        case .unchanged:
            print("Il piano «\(info.planID)» è già presente e identico (versione \(info.version)): nessuna modifica.")
        case .draftReplaced:
            print("Bozza del piano «\(info.planID)» sostituita (versione \(info.version), \(info.status.italian)).")
        case .revised:
            let act = info.act.map { " — atto n. \($0.number ?? "") del \($0.date?.italian ?? "")" } ?? ""
            print("Piano «\(info.planID)» revisionato: nuova versione \(info.version) (motivo: \(info.reason ?? "")\(act)).")
        }
        if !diagnostics.isEmpty {
            print("Il validatore segnala \(DiagnosticsText.totals(diagnostics)): vedere «performa validate \(source)».")
        }
    }

    private func revision() throws -> PlanRevision? {
        guard reason != nil || actNumber != nil || actDate != nil else { return nil }
        guard let reason, let actNumber, let actDate else {
            throw ValidationError("Per una revisione servono insieme --reason, --act-number e --act-date.")
        }
        guard let day = Day(parsing: actDate) else { throw ValidationError("Data non valida per --act-date: «\(actDate)» (usare AAAA-MM-GG).") }
        return PlanRevision(reason: reason, act: ApprovalAct(kind: .revision, body: actBody, number: actNumber, date: day))
    }
}
