internal import CYaml

/// A pass over the YAML event stream before Yams builds its tree, refusing what makes the tree explode:
/// anchors and aliases (`&a`, `*a`: a "billion laughs" file of a few lines expands to billions of nodes,
/// and Yams hashes alias keys while composing, so even composing would not finish) and nesting deeper than
/// `InputLimits.maximumNestingDepth`. Plan and results files have no use for either.
enum YAMLShape {
    struct Problem: Equatable {
        /// 1-based line, as FileError counts.
        var line: Int
        var message: String
    }

    /// The first anchor, alias or too-deep collection of `text`; nil when there is none, or when the text is
    /// not valid YAML (the composer then reports the syntax error with its usual message).
    static func problem(in text: String) -> Problem? {
        guard !text.isEmpty else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Problem? in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // libyaml's scanner looks ahead and stops at 1.000 open brackets before the events get deep.
                    let problem = parser.problem.map { String(cString: $0) } ?? ""
                    return problem.hasPrefix("Maximum nesting level") ? Problem(line: Int(parser.problem_mark.line) + 1, message: deepMessage) : nil
                }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    return Problem(line: line, message: aliasMessage)
                case YAML_SCALAR_EVENT:
                    if event.data.scalar.anchor != nil { return Problem(line: line, message: aliasMessage) }
                    if event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE,
                       let number = nonFiniteNumber(UnsafeBufferPointer(start: UnsafePointer(event.data.scalar.value), count: event.data.scalar.length)) {
                        return Problem(line: line, message: "numero non valido «\(number.prefix(40))»: sono ammessi solo numeri finiti "
                                       + "(un testo che lo somiglia va scritto tra virgolette)")
                    }
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    if anchor != nil { return Problem(line: line, message: aliasMessage) }
                    depth += 1
                    if depth > InputLimits.maximumNestingDepth {
                        return Problem(line: line, message: deepMessage)
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
            }
        }
    }

    /// `.nan`, `.inf`, `-.inf`, or digits beyond Double's range (`1e400`): a plain scalar Yams would read as a
    /// number no plan means (a NaN weight is not even equal to itself).
    static func nonFiniteNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let first = bytes.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        if [".nan", ".inf", "+.inf", "-.inf"].contains(text.lowercased()) { return text }
        if let value = Double(text.replacingOccurrences(of: "_", with: "")), !value.isFinite { return text }
        return nil
    }

    static let deepMessage = "struttura annidata troppo in profondità (più di \(InputLimits.maximumNestingDepth) livelli)"
    static let aliasMessage = "ancore e alias YAML (&nome, *nome) non sono ammessi: scrivere ogni valore per esteso"
}
