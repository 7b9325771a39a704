import ArgumentParser

@main
struct PerformaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "performa",
        abstract: "Performa: il ciclo della performance (D.Lgs. 150/2009) di un ente pubblico.",
        discussion: """
        Gestisce il Piano della Performance: lo convalida, disegna l'albero della performance e calcola \
        il grado di raggiungimento di indicatori, obiettivi, aree, ente e dirigenti.
        """,
        subcommands: [ValidateCommand.self, TreeCommand.self, ScoreCommand.self, ReportCommand.self,
                      SpreadsheetCommand.self, TemplateCommand.self, OpenDataCommand.self,
                      ImportCommand.self, ExportCommand.self, MeasurementsCommand.self, BackupCommand.self,
                      RestoreCommand.self, WriteDrillCommand.self, ServeCommand.self, UserCommand.self, GenerateCommand.self,
                      PeopleCommand.self, AppraisalCommand.self]
    )
}
