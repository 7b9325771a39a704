import Foundation

/// The shared string table of a workbook: plain (`<si><t>`) and rich-text (`<si><r><t>…`) entries,
/// without the phonetic hints (`<rPh>`) some programs add.
enum XLSXSharedStrings {
    static func parse(_ data: Data) -> (strings: [String], problem: String?) {
        var strings: [String] = []
        var current = ""
        var inItem = false, inText = false, inPhonetic = false
        let problem = XMLEvents.parse(data, start: { name, _ in
            switch name {
            case "si": inItem = true; current = ""
            case "t": inText = inItem && !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }, end: { name in
            switch name {
            case "si": inItem = false; strings.append(OOXMLText.unescape(current))
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }, text: { text in
            if inText { current += text }
        })
        return (strings, problem)
    }
}
