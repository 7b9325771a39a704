import Performa

/// The blank plan template (`performa template`): an Istruzioni sheet that lists every sheet and column
/// with its meaning, then the plan's sheets with their headers, the year columns set for a three-year
/// plan, and the Piano sheet's items ready to be filled in.
public enum TemplateWorkbook {
    public static let instructionsSheet = "Istruzioni"

    public static func tables(year: Int) -> [SheetTable] {
        [instructions()] + PlanSheetExport.blankTables(year: year)
    }

    static func instructions() -> SheetTable {
        var rows: [[SheetCell]] = [
            [.text("Come si usa"), .empty, .empty,
             .text("Compilare un foglio per tabella; la prima riga di ogni foglio è l'intestazione e non va cambiata. Percentuali come 30% "
                   + "(oppure 30), importi in euro come numeri, date come 31/12/2021. Importare con: performa spreadsheet import piano "
                   + "FILE.xlsx --output piano.yaml [--base piano-di-base.yaml]. Descrizione completa: docs/spreadsheets.md.")],
        ]
        for schema in PlanSheets.schemas {
            for column in schema.columns {
                rows.append([.text(schema.name), .text(column.header), .text(column.required ? "SI" : ""), .text(column.meaning)])
            }
            if schema.name == PlanSheets.Header.schema.name {
                for item in PlanSheets.Header.items {
                    rows.append([.text(schema.name), .text("Voce «\(item.item)»"), .empty, .text(item.meaning)])
                }
            }
        }
        return SheetTable(name: instructionsSheet, columns: [.init("Foglio", maxWidth: 18), .init("Colonna", maxWidth: 34),
                                                             .init("Obbligatoria", maxWidth: 12), .init("Contenuto", maxWidth: 90)], rows: rows)
    }
}
