import ArgumentParser
import Foundation
import Performa
import PerformaStore

/// A stream of measurements written one by one, each acknowledged on standard output only after its commit: the
/// crash-safety test kills this process mid-stream and checks that every acknowledged value survived.
/// Hidden from the help: it is a test instrument, though safe to run (it only appends history).
struct WriteDrillCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write-drill",
        abstract: "Scrive rilevazioni una dopo l'altra e conferma ciascuna dopo il salvataggio (prova di resistenza ai crash).",
        shouldDisplay: false
    )

    @Option(name: .long, help: "L'ente.")
    var organization: String

    @Option(name: .long, help: "Il piano.")
    var plan: String

    @Option(name: .long, help: "L'indicatore (deve avere un target numerico alla scadenza).")
    var indicator: String

    @Option(name: .long, help: "La scadenza, AAAA-MM-GG.")
    var at: String

    @Option(name: .long, help: "Quante rilevazioni scrivere.")
    var count: Int = 100_000

    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        guard let key = IndicatorKey(parsing: indicator), let day = Day(parsing: at) else {
            throw ValidationError("Indicatore o data non validi.")
        }
        let (organization, plan, count) = (self.organization, self.plan, self.count)
        try await StoreCommandSupport.withStore(options) { store in
            let context = AccessContext.commandLine(organization: organization)
            for value in 1...max(1, count) {
                let stored = try await store.recordMeasurement(context, planID: plan, MeasurementEntry(indicator: key, at: day, text: "\(value)"), expectedRevision: nil)
                FileHandle.standardOutput.write(Data("ok \(stored.revision) \(stored.text)\n".utf8))
            }
        }
    }
}
