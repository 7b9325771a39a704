import Foundation
import Performa
import Testing
@testable import PerformaReports

/// `performa report` as a user runs it: the built tool, a real headless Chromium for the PDF, and
/// poppler's pdfinfo, pdftoppm and pdftotext to look at the result (install them with .ci/install-chromium.sh).
@Suite("performa report", .serialized)
struct ReportCommandTests {
    let tool: URL
    let folder: URL

    init() throws {
        tool = try #require(ReportTestSupport.performaTool(), "the performa tool is not built beside the tests (swift build --build-tests)")
        folder = try ReportTestSupport.temporaryFolder()
    }

    private func poppler(_ name: String) throws -> URL {
        try #require(ReportTestSupport.program(name), "\(name) is missing: bash .ci/install-chromium.sh installs poppler-utils")
    }

    private func pageCount(_ pdf: URL) throws -> Int {
        let info = try ReportTestSupport.run(try poppler("pdfinfo"), [pdf.path])
        let line = try #require(info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return try #require(Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
    }

    /// Renders every page to PNG and checks each is a real picture.
    private func renderPages(_ pdf: URL, expected: Int) throws {
        let prefix = folder.appendingPathComponent("pagina").path
        let render = try ReportTestSupport.run(try poppler("pdftoppm"), ["-png", "-r", "30", pdf.path, prefix])
        #expect(render.status == 0, "\(render.error)")
        let pictures = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("pagina") && $0.hasSuffix(".png") }
        #expect(pictures.count == expected)
        for name in pictures {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]) && data.count > 1_000, "\(name)")
        }
    }

    private func textLayer(_ pdf: URL) throws -> String {
        let out = folder.appendingPathComponent("testo.txt")
        let extract = try ReportTestSupport.run(try poppler("pdftotext"), ["-enc", "UTF-8", pdf.path, out.path])
        #expect(extract.status == 0, "\(extract.error)")
        // A no-break space (between € and its amount) reads as a space.
        return try String(contentsOf: out, encoding: .utf8).replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    @Test("the Piano as PDF: many A4 pages that render to PNG, with every objective code in the text layer")
    func pianoPDF() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(ReportTestSupport.program("chromium", "chromium-browser", "google-chrome") != nil, "Chromium is missing: bash .ci/install-chromium.sh")
        let pdf = folder.appendingPathComponent("piano.pdf")
        let run = try ReportTestSupport.run(tool, ["report", "piano", ReportTestSupport.bresciaPlan.path, "--format", "pdf", "--output", pdf.path])
        #expect(run.status == 0, "\(run.error)")
        let pages = try pageCount(pdf)
        #expect(pages >= 60, "only \(pages) pages")
        try renderPages(pdf, expected: pages)
        let text = try textLayer(pdf)
        let plan = try ReportTestSupport.brescia()
        for entry in PlanIndex(plan, measures: false).entries { #expect(text.contains(entry.key), "\(entry.key) missing from the PDF text") }
        #expect(text.contains("Pagina 1 di \(pages)") || text.contains("Pagina 2 di \(pages)"))
        #expect(text.contains("CCIAA di Brescia – Piano della Performance 2021-2023"))
        #expect(text.contains("€ 7.377.376,52"))
    }

    @Test("the Relazione 2021 as PDF carries every objective code and the illustrative warning on every page")
    func relazionePDF() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("relazione.pdf")
        let run = try ReportTestSupport.run(tool, ["report", "relazione", ReportTestSupport.bresciaPlan.path, "--results",
                                                   ReportTestSupport.bresciaResults.path, "--year", "2021", "--format", "pdf", "--output", pdf.path])
        #expect(run.status == 0, "\(run.error)")
        let pages = try pageCount(pdf)
        #expect(pages >= 15, "only \(pages) pages")
        let text = try textLayer(pdf)
        let plan = try ReportTestSupport.brescia()
        for entry in PlanIndex(plan).entries { #expect(text.contains(entry.key), "\(entry.key)") }
        #expect(text.components(separatedBy: "DATI ILLUSTRATIVI – NON REALI").count - 1 >= pages)
    }

    @Test("the PIAO of the demo as PDF: the DM's sections in order, every objective and every measure of the register")
    func piaoPDF() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("piao.pdf")
        let run = try ReportTestSupport.run(tool, ["report", "piao", ReportTestSupport.bresciaPlan.path, "--results",
                                                   ReportTestSupport.bresciaResults.path, "--format", "pdf", "--output", pdf.path])
        #expect(run.status == 0, "\(run.error)")
        let pages = try pageCount(pdf)
        #expect(pages >= 60, "only \(pages) pages")
        let text = try textLayer(pdf)
        let plan = try ReportTestSupport.brescia()
        let headings = ["Sezione 1. Scheda anagrafica dell'amministrazione", "2.1 Valore pubblico", "2.2 Performance", "2.3 Rischi corruttivi e trasparenza",
                        "3.1 Struttura organizzativa", "3.2 Organizzazione del lavoro agile", "3.3 Piano triennale dei fabbisogni di personale",
                        "Sezione 4. Monitoraggio"]
        // Past the index, each heading appears after the previous one.
        let indexEnd = try #require(text.range(of: "Sezione 4. Monitoraggio")).upperBound
        var position = try #require(text.range(of: "Scheda anagrafica", range: indexEnd..<text.endIndex)).lowerBound
        for heading in headings.dropFirst() {
            let found = try #require(text.range(of: heading, range: position..<text.endIndex), "\(heading) missing or out of order")
            position = found.upperBound
        }
        #expect(text.contains("Strumenti e tempi del monitoraggio"))
        for entry in PlanIndex(plan).entries { #expect(text.contains(entry.key), "\(entry.key) missing from the PIAO") }
        for process in plan.piao?.risks?.processes ?? [] { #expect(text.contains(process.code), "\(process.code)") }
        #expect(text.contains("Via Einaudi, 23") && text.contains("contengono dati illustrativi"))
    }

    @Test("without Chromium on the PATH the PDF is refused with an Italian message and exit status 2")
    func noChromium() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("piano.pdf")
        let empty = folder.appendingPathComponent("vuota")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let run = try ReportTestSupport.run(tool, ["report", "piano", ReportTestSupport.bresciaPlan.path, "--format", "pdf", "--output", pdf.path],
                                            environment: ["PATH": empty.path, "HOME": folder.path])
        #expect(run.status == 2)
        #expect(run.error.contains("per creare il PDF serve Chromium"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }

    @Test("HTML goes to the output file or to the screen; the Monitoraggio names the rule it uses")
    func html() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("piano.html")
        let written = try ReportTestSupport.run(tool, ["report", "piano", ReportTestSupport.bresciaPlan.path, "--output", file.path])
        #expect(written.status == 0, "\(written.error)")
        let plan = try ReportTestSupport.brescia()
        #expect(try String(contentsOf: file, encoding: .utf8) == PlanDocument(plan: plan).render())
        let screen = try ReportTestSupport.run(tool, ["report", "monitoraggio", ReportTestSupport.bresciaPlan.path, "--results", ReportTestSupport.bresciaResults.path])
        #expect(screen.status == 0, "\(screen.error)")
        #expect(screen.output.hasPrefix("<!DOCTYPE html>"))
        #expect(ReportTestSupport.text(screen.output).contains(MidYearRisk.ruleText(year: 2021)))
    }

    @Test("wrong combinations of options are refused in Italian")
    func refusals() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = ReportTestSupport.bresciaPlan.path
        let cases: [([String], String)] = [
            (["report", "relazione", plan], "serve il file dei risultati"),
            (["report", "piano", plan, "--format", "pdf"], "serve il file da scrivere"),
            (["report", "piano", plan, "--results", ReportTestSupport.bresciaResults.path], "vale solo per relazione e monitoraggio"),
            (["report", "relazione", plan, "--results", ReportTestSupport.bresciaResults.path, "--year", "2030"], "fuori dal periodo del piano"),
            (["report", "piano", folder.appendingPathComponent("manca.yaml").path], "Errore"),
        ]
        for (arguments, message) in cases {
            let run = try ReportTestSupport.run(tool, arguments)
            #expect(run.status != 0, "\(arguments)")
            #expect(run.error.contains(message), "\(arguments): \(run.error)")
        }
    }
}
