import Foundation
import ZIPFoundation

/// Reads the sheets of an Office Open XML workbook (`.xlsx`) written by Performa, Excel or LibreOffice:
/// follows the package relationships to the workbook, its sheets, shared strings and styles.
public enum XLSXReader {
    /// Every sheet, in workbook order.
    public static func sheets(_ data: Data, fileName: String) throws -> [SheetGrid] {
        guard data.count <= InputLimits.maximumFileBytes else {
            throw SpreadsheetError(file: fileName, message: "il file è troppo grande (il massimo è \(InputLimits.megabytes(InputLimits.maximumFileBytes)))")
        }
        let package = try Package(data: data, fileName: fileName)
        let workbookPath = try package.officeDocumentPath()
        let workbookData = try package.part(workbookPath)
        var sheetList: [(name: String, relationship: String)] = []
        if let problem = XMLEvents.parse(workbookData, start: { name, attributes in
            guard name == "sheet", let sheetName = attributes["name"],
                  let relationship = XMLEvents.attribute(attributes, prefixed: "id") else { return }
            sheetList.append((sheetName, relationship))
        }) {
            throw package.error("\(workbookPath): \(problem)")
        }
        let relationships = try package.relationships(of: workbookPath)
        var strings: [String] = []
        if let path = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target {
            let parsed = XLSXSharedStrings.parse(try package.part(path))
            if let problem = parsed.problem { throw package.error("\(path): \(problem)") }
            strings = parsed.strings
        }
        var formats = XLSXNumberFormats.empty
        if let path = relationships.values.first(where: { $0.type.hasSuffix("/styles") })?.target {
            let parsed = XLSXNumberFormats.parse(try package.part(path))
            if let problem = parsed.problem { throw package.error("\(path): \(problem)") }
            formats = parsed.formats
        }
        return try sheetList.map { sheet in
            guard let path = relationships[sheet.relationship]?.target else {
                throw package.error("il foglio «\(sheet.name)» non ha una parte nel file")
            }
            let parsed = XLSXWorksheetParser.parse(try package.part(path), name: sheet.name, strings: strings, formats: formats)
            if let problem = parsed.problem {
                throw SpreadsheetError(file: fileName, sheet: sheet.name, message: "foglio danneggiato: \(problem)")
            }
            return parsed.grid
        }
    }

    /// One part of a package, by path (`xl/styles.xml`).
    static func part(_ path: String, of data: Data, fileName: String = "cartella") throws -> Data {
        try Package(data: data, fileName: fileName).part(path)
    }

    public static func sheets(contentsOf url: URL) throws -> [SheetGrid] {
        let data = try InputLimits.data(contentsOf: url) { SpreadsheetError(file: url.lastPathComponent, message: $0) }
        return try sheets(data, fileName: url.lastPathComponent)
    }

    /// The ZIP package and its relationship parts.
    private struct Package {
        let archive: Archive
        let fileName: String

        init(data: Data, fileName: String) throws {
            self.fileName = fileName
            // ZIPFoundation's in-memory reader traps on a damaged archive whose offsets point past its end (found
            // by fuzzing); its file reader does not. The bytes go through a private temporary file, removed as soon
            // as it is open (the open file stays readable).
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("performa-xlsx-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let copy = folder.appendingPathComponent("cartella.xlsx")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
                guard FileManager.default.createFile(atPath: copy.path, contents: nil),
                      let handle = FileHandle(forWritingAtPath: copy.path) else { throw CocoaError(.fileWriteUnknown) }
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
            } catch {
                throw SpreadsheetError(file: fileName, message: "impossibile leggere la cartella di lavoro (cartella temporanea non scrivibile)")
            }
            do {
                archive = try Archive(url: copy, accessMode: .read)
            } catch {
                throw SpreadsheetError(file: fileName, message: "il file non è una cartella di lavoro XLSX (archivio ZIP non leggibile)")
            }
        }

        func error(_ message: String) -> SpreadsheetError {
            SpreadsheetError(file: fileName, message: "cartella di lavoro XLSX danneggiata: \(message)")
        }

        func part(_ path: String) throws -> Data {
            guard let entry = archive[path] else { throw error("manca la parte «\(path)»") }
            let tooLarge = error("la parte «\(path)» è troppo grande (oltre \(InputLimits.megabytes(InputLimits.maximumPartBytes)) decompressa)")
            guard entry.uncompressedSize <= Int64(InputLimits.maximumPartBytes) else { throw tooLarge }
            var data = Data()
            do {
                // The declared size may lie (a ZIP bomb): the inflated bytes are counted as they come.
                _ = try archive.extract(entry) { chunk in
                    guard data.count + chunk.count <= InputLimits.maximumPartBytes else { throw tooLarge }
                    data.append(chunk)
                }
            } catch let refusal as SpreadsheetError {
                throw refusal
            } catch {
                throw self.error("la parte «\(path)» non è leggibile")
            }
            return data
        }

        /// `xl/workbook.xml`, as the package relationships name it.
        func officeDocumentPath() throws -> String {
            guard archive["_rels/.rels"] != nil else {
                guard archive["xl/workbook.xml"] != nil else {
                    throw SpreadsheetError(file: fileName, message: "il file non è una cartella di lavoro XLSX (manca xl/workbook.xml)")
                }
                return "xl/workbook.xml"
            }
            let relationships = try relationships(of: "")
            guard let document = relationships.values.first(where: { $0.type.hasSuffix("/officeDocument") }) else {
                throw SpreadsheetError(file: fileName, message: "il file non è una cartella di lavoro XLSX (nessun documento principale)")
            }
            return document.target
        }

        /// The relationships of a part, with targets resolved to paths inside the package.
        func relationships(of partPath: String) throws -> [String: (type: String, target: String)] {
            let folder = partPath.split(separator: "/").dropLast().joined(separator: "/")
            let file = partPath.split(separator: "/").last.map(String.init) ?? ""
            let path = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
            guard archive[path] != nil else { return [:] }
            var found: [String: (type: String, target: String)] = [:]
            if let problem = XMLEvents.parse(try part(path), start: { name, attributes in
                guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"],
                      attributes["TargetMode"] != "External" else { return }
                found[id] = (attributes["Type"] ?? "", Package.resolve(target, from: folder))
            }) {
                throw error("\(path): \(problem)")
            }
            return found
        }

        /// `worksheets/sheet1.xml` from `xl` → `xl/worksheets/sheet1.xml`; `/xl/…` is absolute; `..` goes up.
        static func resolve(_ target: String, from folder: String) -> String {
            var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
            for piece in target.split(separator: "/") {
                if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
            }
            return parts.joined(separator: "/")
        }
    }
}
