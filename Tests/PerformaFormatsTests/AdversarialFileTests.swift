import Foundation
import Performa
import Testing
@testable import PerformaFormats

/// Malformed and huge files: each is refused quickly, with an Italian message, before anything is built from
/// it (the command-line tests in PerformaStoreTests show that the store is left unchanged). Hostile but valid
/// text (right-to-left marks, Arabic, emoji, combining marks, markup) comes back intact through every writer.
@Suite("Adversarial files: limits, bombs, odd numbers and dates, Unicode")
struct AdversarialFileTests {
    static func scratch() throws -> URL { try SpreadsheetTestSupport.scratchFolder() }

    /// A sparse file of `bytes` zero bytes: over the size limit without writing 50 MB to the disk.
    static func hugeFile(_ folder: URL, _ name: String, bytes: Int = InputLimits.maximumFileBytes + 1) throws -> URL {
        let url = folder.appendingPathComponent(name)
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(bytes))
        try handle.close()
        return url
    }

    /// The Italian message of the error `body` throws; records an issue when it throws none or another type.
    static func refusal(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            Issue.record("accepted, expected a refusal")
            return ""
        } catch let error as FileError {
            return error.description
        } catch let error as SpreadsheetError {
            return error.description
        } catch let error as CSVError {
            return error.message
        } catch {
            Issue.record("not a typed refusal: \(error)")
            return ""
        }
    }

    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = Date()
        let value = try body()
        return (value, Date().timeIntervalSince(start))
    }

    @Test("files over 50 MB are refused before being read: plan, results, CSV (a 100 MB line), XLSX")
    func oversizedFiles() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try FileFuzzTests.miniPlan()
        let (messages, seconds) = Self.timed {
            [
                Self.refusal { try PlanFile.read(contentsOf: try Self.hugeFile(folder, "piano.yaml")) },
                Self.refusal { try ResultsFile.read(contentsOf: try Self.hugeFile(folder, "risultati.yaml"), plan: plan) },
                Self.refusal { try SpreadsheetInput.sheets(at: try Self.hugeFile(folder, "Rilevazioni.csv", bytes: 100 * 1024 * 1024)) },
                Self.refusal { try SpreadsheetInput.sheets(at: try Self.hugeFile(folder, "piano.xlsx")) },
            ]
        }
        for message in messages { #expect(message.contains("il file è troppo grande") && message.contains("il massimo è 50 MB"), "\(message)") }
        #expect(messages[2].hasPrefix("Rilevazioni.csv"))
        #expect(seconds < 5, "refused without reading: \(seconds) s")
        // The text readers, as the web application calls them, check the size too.
        let big = String(repeating: "# commento\n", count: InputLimits.maximumFileBytes / 11 + 1)
        #expect(Self.refusal { try PlanFile.read(big, fileName: "piano.yaml") }.contains("troppo grande"))
        #expect(Self.refusal { try CSVReader.grid(big, name: "Rilevazioni") }.contains("troppo grande"))
    }

    @Test("YAML anchors and aliases are refused at once: billion laughs and alias keys (which made Yams hang)")
    func aliasBombs() throws {
        for (name, line) in [("regression-billion-laughs.yaml", 3), ("regression-alias-keys.yaml", 2)] {
            let url = FileFuzzTests.corpus.appendingPathComponent("plan/\(name)")
            let (message, seconds) = Self.timed { Self.refusal { try PlanFile.read(contentsOf: url) } }
            #expect(message == "\(name), riga \(line): \(YAMLShape.aliasMessage)")
            #expect(seconds < 1, "\(name): \(seconds) s")
        }
        let plan = try FileFuzzTests.miniPlan()
        let results = "format: performa-results/1\nplan: &p cciaa-brescia-2021-2023\nmeasurements: []\n"
        #expect(Self.refusal { try ResultsFile.read(results, plan: plan) } == "risultati, riga 2: \(YAMLShape.aliasMessage)")
    }

    @Test("nesting deeper than 64 levels is refused, in YAML and in JSON, before any recursive decoding")
    func deepNesting() throws {
        let yaml = "format: performa-plan/1\nareas: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let json = String(repeating: "{\"a\": ", count: 5_000) + "1" + String(repeating: "}", count: 5_000)
        for (text, name) in [(yaml, "piano.yaml"), (json, "piano.json")] {
            let message = Self.refusal { try PlanFile.read(text, fileName: name) }
            #expect(message.hasPrefix("\(name), riga") && message.hasSuffix("struttura annidata troppo in profondità (più di 64 livelli)"), "\(message)")
        }
        // A real plan is far from the limit.
        #expect(try PlanFile.read(contentsOf: TestFiles.bresciaPlan).areas.count == 3)
    }

    @Test("NaN, infinities and numbers beyond Double are refused; -0 is read as a number, a huge finite weight is out of its limits")
    func oddNumbers() throws {
        let text = try String(contentsOf: FileFuzzTests.corpus.appendingPathComponent("plan/mini-plan.yaml"), encoding: .utf8)
        #expect(text.contains("    weight: 50\n"))
        for value in [".nan", ".NaN", ".inf", "-.inf", "1e400", "-1e999", "1" + String(repeating: "0", count: 400)] {
            let message = Self.refusal { try PlanFile.read(text.replacingOccurrences(of: "    weight: 50\n", with: "    weight: \(value)\n")) }
            #expect(message.contains("numero non valido") && message.contains("sono ammessi solo numeri finiti"), "\(value): \(message)")
        }
        let plan = try PlanFile.read(text.replacingOccurrences(of: "    weight: 50\n", with: "    weight: -0\n"))
        #expect(plan.areas[0].objectives[0].weight == 0)
        #expect(try PlanFile.read(try PlanFile.yaml(plan)) == plan)
        let huge = Self.refusal { try PlanFile.read(text.replacingOccurrences(of: "    weight: 50\n", with: "    weight: 99999999999999999999999\n")) }
        #expect(huge.contains("peso fuori dai limiti"), "\(huge)")
        // Italian number texts: grouping and decimal comma; no infinity from a long digit string.
        #expect(ItalianNumber.parse("1.000.000,5") == 1_000_000.5)
        #expect(ItalianNumber.parse("1" + String(repeating: "0", count: 400)) == nil)
        for text in ["NaN", "Infinity", "1e400", "-", "1,2,3", "1.00.0"] { #expect(ItalianNumber.parse(text) == nil, "\(text)") }
        #expect(Target(parsing: "1" + String(repeating: "0", count: 400) + " domande").kind.level == nil)
        // Formatting never traps, whatever the value.
        #expect(ItalianNumber.format(.nan) == "non numerico" && ItalianNumber.format(-.infinity) == "-∞")
        #expect(ItalianNumber.format(1e20) == "100.000.000.000.000.000.000")
        #expect(SheetValue.number(1e300, .percent).text.hasSuffix("%") && !SheetValue.number(-1e300, .plain).text.isEmpty)
        // Amounts: a number beyond any budget is refused, an unreadable text is kept and reported by the validator.
        struct Line: Codable { var amount: Amount }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Line.self, from: Data(#"{"amount": 1e300}"#.utf8)) }
        #expect(Amount("€ " + String(repeating: "9", count: 40)).isUnreadable)
        #expect(Amount("€ 50.000,00").cents == 5_000_000)
    }

    @Test("dates out of range or impossible are refused with the field: 0000-01-01, 2021-02-30, 99999-01-01; plan years too")
    func datesOutOfRange() throws {
        let plan = try FileFuzzTests.miniPlan()
        let results = try String(contentsOf: FileFuzzTests.corpus.appendingPathComponent("results/mini-results.yaml"), encoding: .utf8)
        for date in ["0000-01-01", "2021-02-30", "99999-01-01", "2021-13-01", "31/04/2021", "9223372036854775807-01-01"] {
            let broken = results.replacingOccurrences(of: "    at: 2021-06-30\n    value: \"70%\"", with: "    at: \(date)\n    value: \"70%\"")
            #expect(broken != results)
            let message = Self.refusal { try ResultsFile.read(broken, plan: plan) }
            #expect(message.contains("(campo measurements[2].at): data non valida: «\(date)»"), "\(message)")
        }
        for day in ["0000-01-01", "2021-02-30", "99999-01-01"] { #expect(Day(parsing: day) == nil) }
        #expect(Day(parsing: "2024-02-29") != nil)
        let text = try String(contentsOf: FileFuzzTests.corpus.appendingPathComponent("plan/mini-plan.yaml"), encoding: .utf8)
        for (old, new, field) in [("  to: 2023\n", "  to: 9223372036854775807\n", "span.to"), ("year: 2021\n", "year: -5\n", "year")] {
            let message = Self.refusal { try PlanFile.read(text.replacingOccurrences(of: old, with: new)) }
            #expect(message.contains("(campo \(field)): anno fuori dai limiti (1900–2200)"), "\(message)")
        }
        // A sheet: 30/02/2021 as a checkpoint.
        let csv = try String(contentsOf: FileFuzzTests.corpus.appendingPathComponent("csv/Rilevazioni.csv"), encoding: .utf8)
        let grid = try CSVReader.grid(csv.replacingOccurrences(of: ";31/12/2021;", with: ";30/02/2021;"), name: MeasurementSheet.schema.name)
        let message = Self.refusal { try MeasurementSheetImport.results(from: [grid], plan: plan, file: "Rilevazioni.csv") }
        #expect(message.contains("Rilevazioni.csv, foglio Rilevazioni, riga 2"), "\(message)")
        #expect(SpreadsheetDate.day(fromSerial: 1e308) == nil && SpreadsheetDate.day(fromSerial: -.infinity) == nil)
    }

    @Test("invalid UTF-8 is refused in Italian; a byte order mark and CRLF line ends are read as usual")
    func encodings() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let planURL = FileFuzzTests.corpus.appendingPathComponent("plan/mini-plan.yaml")
        let original = try PlanFile.read(contentsOf: planURL)
        var bytes = try Data(contentsOf: planURL)
        bytes.insert(contentsOf: [0xC0, 0x80, 0xFF], at: 200)
        for name in ["piano.yaml", "Rilevazioni.csv"] {
            let url = folder.appendingPathComponent(name)
            try bytes.write(to: url)
            let message = Self.refusal { () throws -> Any in
                if name.hasSuffix(".csv") { return try SpreadsheetInput.sheets(at: url) }
                return try PlanFile.read(contentsOf: url)
            }
            #expect(message.hasPrefix(name) && message.contains("non è in codifica UTF-8"), "\(message)")
        }
        let text = try String(contentsOf: planURL, encoding: .utf8)
        #expect(try PlanFile.read("\u{FEFF}" + text) == original)
        #expect(try PlanFile.read(text.replacingOccurrences(of: "\n", with: "\r\n")) == original)
        // Decoded by hand: Foundation's String(contentsOf:) drops the byte order mark.
        let csv = String(decoding: try Data(contentsOf: FileFuzzTests.corpus.appendingPathComponent("csv/Rilevazioni.csv")), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}") && csv.contains("\r\n"))
        let lf = try CSVReader.grid(String(csv.dropFirst()).replacingOccurrences(of: "\r\n", with: "\n"), name: "Rilevazioni")
        let crlf = try CSVReader.grid(csv, name: "Rilevazioni")
        #expect(lf.rows.map(\.cells) == crlf.rows.map(\.cells))
    }

    @Test("CSV with a million columns is refused naming the record; a row beyond the sheet's limit too")
    func csvShapes() throws {
        let wide = "Obiettivo" + String(repeating: ";x", count: 1_000_000) + "\r\n"
        let (message, seconds) = Self.timed { Self.refusal { try CSVReader.grid(wide, name: "Rilevazioni") } }
        #expect(message == "troppe colonne (il massimo è 16384)")
        #expect(seconds < 10, "\(seconds) s")
        #expect(CellReference.parse("XFD1")?.column == 16_383)
        for reference in ["XFE1", "AAAAAAAAAAAAAAAAAAAA1", "A99999999999999999999"] { #expect(CellReference.parse(reference) == nil, "\(reference)") }
    }

    /// The parts of a small workbook Performa writes, to build damaged ones from.
    static func parts() throws -> [(path: String, data: Data)] {
        let workbook = try XLSXWriter.data([MeasurementSheet.template(plan: try FileFuzzTests.miniPlan(), year: 2021)])
        return FileFuzzTests.knownParts.compactMap { path in
            (try? XLSXReader.part(path, of: workbook)).map { (path, $0) }
        }
    }

    @Test("a ZIP bomb is refused: a worksheet over 200 MB uncompressed, declared or hidden by a false size in the headers")
    func zipBomb() throws {
        var parts = try Self.parts()
        let sheet = try #require(parts.firstIndex { $0.path == "xl/worksheets/sheet1.xml" })
        let declared = InputLimits.maximumPartBytes + 1
        parts[sheet].data = Data(count: declared)
        var bomb = try XLSXWriter.package(parts)
        parts = []
        #expect(bomb.count < 1_000_000, "the bomb is small: \(bomb.count) bytes")
        let message = Self.refusal { try XLSXReader.sheets(bomb, fileName: "bomba.xlsx") }
        #expect(message == "bomba.xlsx: cartella di lavoro XLSX danneggiata: la parte «xl/worksheets/sheet1.xml» è troppo grande (oltre 200 MB decompressa)")
        // The same archive claiming 1.000 bytes in both headers: the inflated bytes are counted, not the claim.
        let size = withUnsafeBytes(of: UInt32(declared).littleEndian, Array.init)
        let small = withUnsafeBytes(of: UInt32(1_000).littleEndian, Array.init)
        var patched = 0
        // Local header, central directory and data descriptor (when the writer used one).
        for (signature, offset) in [([0x50, 0x4B, 0x03, 0x04] as [UInt8], 22), ([0x50, 0x4B, 0x01, 0x02], 24), ([0x50, 0x4B, 0x07, 0x08], 12)] {
            var index = 0
            while let found = bomb[index...].firstRange(of: signature) {
                let field = found.lowerBound + offset
                if bomb[field..<(field + 4)].elementsEqual(size) {
                    bomb.replaceSubrange(field..<(field + 4), with: small)
                    patched += 1
                }
                index = found.upperBound
            }
        }
        #expect(patched >= 2)
        let (hidden, seconds) = Self.timed { Self.refusal { try XLSXReader.sheets(bomb, fileName: "bomba.xlsx") } }
        #expect(hidden.hasPrefix("bomba.xlsx: cartella di lavoro XLSX danneggiata: la parte «xl/worksheets/sheet1.xml»"), "\(hidden)")
        #expect(seconds < 30, "\(seconds) s")
    }

    @Test("XLSX entries named ../ and relationships pointing outside the package stay inside it; nothing is written")
    func pathTraversal() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let parts = try Self.parts()
        let escaping = parts + [("../../\(folder.lastPathComponent)-evaso.xml", Data("<x/>".utf8)), ("xl/../../../../tmp/evaso.xml", Data("<x/>".utf8))]
        let sheets = try XLSXReader.sheets(try XLSXWriter.package(escaping), fileName: "percorsi.xlsx")
        #expect(sheets.map(\.name) == [MeasurementSheet.schema.name])
        #expect(!FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("\(folder.lastPathComponent)-evaso.xml").path))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/evaso.xml"))
        // A worksheet relationship aiming at /etc/passwd resolves inside the package, where there is no such part.
        let relationships = try #require(parts.first { $0.path == "xl/_rels/workbook.xml.rels" })
        let rewritten = String(decoding: relationships.data, as: UTF8.self).replacingOccurrences(of: "worksheets/sheet1.xml", with: "../../../../etc/passwd")
        let redirected = parts.map { $0.path == relationships.path ? ($0.path, Data(rewritten.utf8)) : $0 }
        let message = Self.refusal { try XLSXReader.sheets(try XLSXWriter.package(redirected), fileName: "percorsi.xlsx") }
        #expect(message == "percorsi.xlsx: cartella di lavoro XLSX danneggiata: manca la parte «etc/passwd»")
    }

    @Test("regression: an XML part whose element name is not UTF-8 made FoundationXML trap; it is refused in Italian")
    func xmlNameNotUTF8() throws {
        #expect(XMLEvents.parse(Data([0x3C, 0xE2, 0x3C, 0x74, 0x20]), start: { _, _ in }) == "XML non valido: il testo non è in codifica UTF-8")
        let crash = try Data(contentsOf: FileFuzzTests.corpus.appendingPathComponent("xlsx-parts/regression-xml-name-not-utf8.txt"))
        let message = Self.refusal { try XLSXReader.sheets(try FileFuzzTests.package(crash), fileName: "fuzz.xlsx") }
        #expect(message == "fuzz.xlsx: cartella di lavoro XLSX danneggiata: xl/sharedStrings.xml: XML non valido: il testo non è in codifica UTF-8")
    }

    @Test("regression: a ZIP whose central directory lies past its end made ZIPFoundation's in-memory reader trap")
    func zipOffsetsPastEnd() throws {
        let data = try Data(contentsOf: FileFuzzTests.corpus.appendingPathComponent("xlsx/regression-offset-past-end.xlsx"))
        let message = Self.refusal { try XLSXReader.sheets(data, fileName: "fuzz.xlsx") }
        #expect(message.hasPrefix("fuzz.xlsx: il file non è una cartella di lavoro XLSX ("), "\(message)")
    }

    static let hostile = ["\u{202E}elibomotua\u{202C} e \u{2067}testo\u{2069}", "مؤشر الأداء السنوي", "👩‍💻 🇮🇹 👍🏽", "cafe\u{301} e\u{300} Z\u{351}\u{36B}\u{34C}",
                          "<script>alert('x')</script> & \"virgolette\"", "null", "yes", "1e400", ".nan", "- non è una lista", "*alias &ancora !tag",
                          "a: b # non è un commento", "  spazi iniziali e finali  ", "riga uno\nriga due\r\nriga tre", "tab\tqui", "campanello \u{1F514} e \u{2401}",
                          "'; DROP TABLE plans; --", "_x0041_ resta così", "ﷺ \u{FEFF} \u{200B}"]

    /// What a spreadsheet cannot keep by design: a CSV field's CR becomes LF, cells are trimmed.
    static let hostileForSheets = hostile.filter { !$0.contains("\r") && $0 == $0.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The mini plan with a hostile text in every title, subtitle, evidence and unit.
    static func hostilePlan(_ hostile: [String] = hostile) throws -> Plan {
        var plan = try FileFuzzTests.miniPlan()
        var next = 0
        func text() -> String {
            next += 1
            return hostile[next % hostile.count]
        }
        plan.title = hostile.joined(separator: " | ")
        for a in plan.areas.indices {
            plan.areas[a].title = text()
            for s in plan.areas[a].objectives.indices {
                plan.areas[a].objectives[s].title = text()
                plan.areas[a].objectives[s].subtitle = text()
                for i in plan.areas[a].objectives[s].indicators.indices {
                    plan.areas[a].objectives[s].indicators[i].title = text()
                    plan.areas[a].objectives[s].indicators[i].evidence = text()
                }
                for o in plan.areas[a].objectives[s].operationalObjectives.indices {
                    plan.areas[a].objectives[s].operationalObjectives[o].title = text()
                    for i in plan.areas[a].objectives[s].operationalObjectives[o].indicators.indices {
                        plan.areas[a].objectives[s].operationalObjectives[o].indicators[i].title = text()
                        plan.areas[a].objectives[s].operationalObjectives[o].indicators[i].unit = text()
                    }
                }
            }
        }
        return plan
    }

    @Test("right-to-left, Arabic, emoji, combining marks, markup, tabs and line breaks round-trip through YAML, JSON, XLSX and CSV (control characters are refused: ValueLimitFileTests)")
    func unicodeRoundTrip() throws {
        let plan = try Self.hostilePlan()
        #expect(try PlanFile.read(try PlanFile.yaml(plan)) == plan)
        #expect(try PlanFile.read(try PlanFile.json(plan), fileName: "piano.json") == plan)
        let sheetPlan = try Self.hostilePlan(Self.hostileForSheets)
        let tables = PlanSheetExport.tables(sheetPlan)
        let fromXLSX = try PlanSheetImport.plan(from: try XLSXReader.sheets(try XLSXWriter.data(tables), fileName: "piano.xlsx"), base: sheetPlan)
        let fromCSV = try PlanSheetImport.plan(from: try tables.map { try CSVReader.grid(SpreadsheetCSV.text($0), name: $0.name) }, base: sheetPlan)
        for imported in [fromXLSX, fromCSV] {
            #expect(imported.areas == sheetPlan.areas)
            #expect(imported.title == sheetPlan.title)
        }
    }
}
