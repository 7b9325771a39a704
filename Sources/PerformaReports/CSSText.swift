/// Quoting for text placed inside a CSS string (the running header of the print stylesheet), so that no
/// plan text can end the string or the `<style>` element.
enum CSSText {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            // `<` and `>` as escapes: `</style>` can never appear inside the stylesheet.
            case "<": out += "\\3C "
            case ">": out += "\\3E "
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
