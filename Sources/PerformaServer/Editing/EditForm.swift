import Foundation
import Performa

/// A generic edit form for the plan editor: a list of fields rendered by one template (`modifica`), so that
/// areas, objectives, indicators and assignments share the same markup, labels and error display.
struct EditForm: Sendable {
    struct Option: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Field: Sendable {
        var name: String
        var label: String
        var value: String
        var hint: String?
        var error: String?
        var isTextarea = false
        var isSelect = false
        var options: [Option] = []
        /// Starts a new group of fields with this heading (`Target al 30/6/2021`).
        var group: String?

        static func text(_ name: String, _ label: String, _ value: String, hint: String? = nil, group: String? = nil) -> Field {
            Field(name: name, label: label, value: value, hint: hint, group: group)
        }

        static func textarea(_ name: String, _ label: String, _ value: String, hint: String? = nil, group: String? = nil) -> Field {
            Field(name: name, label: label, value: value, hint: hint, isTextarea: true, group: group)
        }

        static func select(_ name: String, _ label: String, _ options: [Option], hint: String? = nil, group: String? = nil) -> Field {
            Field(name: name, label: label, value: "", hint: hint, isSelect: true, options: options, group: group)
        }
    }

    var fields: [Field]

    /// Puts the submitted values back into the fields (after a refused submission) and each error next to its field.
    mutating func refill(from input: FormInput, errors: [EditError]) {
        for i in fields.indices {
            let name = fields[i].name
            if fields[i].isSelect {
                let chosen = input.text(name)
                for j in fields[i].options.indices { fields[i].options[j].selected = fields[i].options[j].value == chosen }
            } else {
                fields[i].value = input.fields[name]?.first ?? ""
            }
            fields[i].error = errors.first { $0.field == name }?.message
        }
    }

    /// A weight or share in percent: empty is none, otherwise an Italian number (`20`, `12,5`, `20%`). A number that
    /// does not read is listed in `problems` (and taken as none), so that the form reports it with every other error.
    static func percent(_ input: FormInput, _ name: String, label: String, problems: inout [EditError]) -> Double? {
        let text = input.text(name).replacingOccurrences(of: "%", with: "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let value = ItalianNumber.parse(text), value >= 0, value <= 1000 else {
            problems.add(EditError(field: name, message: "\(label): scrivere un numero, ad esempio 20 oppure 12,5."))
            return nil
        }
        return value
    }

    /// A whole number: empty is none; one that does not read is listed in `problems` with `message`.
    static func integer(_ input: FormInput, _ name: String, _ message: String, problems: inout [EditError]) -> Int? {
        let text = input.text(name)
        if text.isEmpty { return nil }
        guard let value = Int(text.replacingOccurrences(of: ".", with: "")) else {
            problems.add(EditError(field: name, message: message))
            return nil
        }
        return value
    }

    /// A decimal number in Italian (`12,5`): empty is none; one that does not read is listed in `problems`.
    static func decimal(_ input: FormInput, _ name: String, _ message: String, problems: inout [EditError]) -> Double? {
        let text = input.text(name)
        if text.isEmpty { return nil }
        guard let value = ItalianNumber.parse(text) else {
            problems.add(EditError(field: name, message: message))
            return nil
        }
        return value
    }

    static func number(_ value: Double?) -> String {
        value.map { ItalianNumber.format($0, fractionDigits: 4, minimumFractionDigits: 0) } ?? ""
    }
}
