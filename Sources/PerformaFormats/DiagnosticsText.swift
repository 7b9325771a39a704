import Performa

/// The validator's findings as Italian text or JSON (`performa validate`).
public enum DiagnosticsText {
    public static func render(_ diagnostics: [Diagnostic], planTitle: String) -> String {
        var out = "Controllo del piano: \(planTitle)\n"
        if diagnostics.isEmpty { return out + "Nessun problema trovato.\n" }
        for diagnostic in diagnostics {
            var line = "\(diagnostic.severity.italian.uppercased()) \(diagnostic.code) [\(diagnostic.location)"
            if let number = diagnostic.line { line += ", riga \(number)" }
            out += line + "] \(diagnostic.message)\n"
        }
        out += "\nTotale: \(totals(diagnostics)).\n"
        return out
    }

    /// `2 errori, 5 avvisi, 1 note`: each severity counted apart, as every command reports them.
    public static func totals(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        return "\(errors) errori, \(warnings) avvisi, \(diagnostics.count - errors - warnings) note"
    }

    public static func json(_ diagnostics: [Diagnostic]) throws -> String { try FileDecoding.json(diagnostics) }
}
