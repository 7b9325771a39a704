import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams one XML part through three callbacks (element start, element end, text), with namespace
/// prefixes removed from element names: workbooks written by other programs may prefix the main
/// namespace (`x:row`). A workbook part is read once, front to back, so no tree is built.
final class XMLEvents: NSObject, XMLParserDelegate {
    typealias Start = (_ name: String, _ attributes: [String: String]) -> Void
    typealias End = (_ name: String) -> Void
    typealias Text = (_ text: String) -> Void

    private let start: Start
    private let end: End
    private let text: Text
    /// Open elements: the parser on Linux accepts a part cut short (`<row><c>` never closed), so the
    /// nesting is checked here too.
    private var open: [String] = []
    private var mismatch: String? = nil
    private var sawRoot = false

    private init(start: @escaping Start, end: @escaping End, text: @escaping Text) {
        self.start = start
        self.end = end
        self.text = text
    }

    /// Parses `data`; returns a description of the problem when the XML is malformed.
    static func parse(_ data: Data, start: @escaping Start, end: @escaping End = { _ in }, text: @escaping Text = { _ in }) -> String? {
        // FoundationXML traps on an element name that is not UTF-8 (`<\u{E2}<t `, found by fuzzing). Excel and
        // LibreOffice write every part in UTF-8, so anything else is refused before the parser sees it.
        guard String(data: data, encoding: .utf8) != nil else { return "XML non valido: il testo non è in codifica UTF-8" }
        let handler = XMLEvents(start: start, end: end, text: text)
        // Through a stream, so that libxml2 is fed in chunks: given the whole part at once (`XMLParser(data:)`),
        // it stops with "Huge input lookup" once more than 10 MB wait unparsed — a worksheet of about 65.000 rows
        // was refused as "XML non valido alla riga 1".
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = handler
        let parsed = parser.parse()
        if let mismatch = handler.mismatch { return mismatch }
        if !parsed {
            let code = (parser.parserError as NSError?).map { " (errore \($0.code))" } ?? ""
            return "XML non valido alla riga \(parser.lineNumber)\(code)"
        }
        if let unclosed = handler.open.last { return "XML non valido: l'elemento «\(unclosed)» non è chiuso (parte troncata?)" }
        if !handler.sawRoot { return "XML non valido: nessun elemento completo (parte vuota o troncata?)" }
        return nil
    }

    /// `x:row` → `row`.
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// An attribute by its local name (`r:id` is found as `id` with a prefix).
    static func attribute(_ attributes: [String: String], prefixed local: String) -> String? {
        attributes.first { key, _ in key.contains(":") && localName(key) == local }?.value
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes attributeDict: [String: String] = [:]) {
        open.append(elementName)
        sawRoot = true
        start(XMLEvents.localName(elementName), attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard open.last == elementName else {
            if mismatch == nil {
                mismatch = "XML non valido alla riga \(parser.lineNumber): «</\(elementName)>» chiude «\(open.last ?? "")»"
            }
            parser.abortParsing()
            return
        }
        open.removeLast()
        end(XMLEvents.localName(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text(String(decoding: CDATABlock, as: UTF8.self))
    }
}
