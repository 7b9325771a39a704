/// Spreadsheet cell addresses: column letters (`A`, `Z`, `AA`) and `B12`-style references.
enum CellReference {
    /// `0` → `A`, `25` → `Z`, `26` → `AA`.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    static func name(row: Int, column: Int) -> String { columnName(column) + String(row) }

    /// `B12` → (row 12, column 1); nil when the text is not a cell reference.
    static func parse(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var digits = ""
        for character in reference {
            if let ascii = character.asciiValue, character.isLetter, digits.isEmpty {
                column = column * 26 + Int(ascii & ~0x20) - 64
                // Beyond the last column (XFD) the sum would soon overflow.
                guard column <= InputLimits.maximumSheetColumns else { return nil }
            } else if character.isASCII, character.isNumber {
                digits.append(character)
                guard digits.count <= 9 else { return nil }
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits), row > 0 else { return nil }
        return (row, column - 1)
    }
}
