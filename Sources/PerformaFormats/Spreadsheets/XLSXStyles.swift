/// The workbook's styles part: a bold header, wrapped text, and the number formats the cells need.
/// Built-in format 10 is `0.00%` and 1 is `0`; the date and euro formats are custom (ids from 164 on).
enum XLSXStyles {
    /// Index into `cellXfs`: the `s` attribute of a cell.
    enum Style: Int {
        case plain = 0, header, text, integer, number, percent, euro, date, bool
    }

    static func style(for cell: SheetCell) -> Style {
        switch cell {
        case .empty, .text: return .text
        case .integer: return .integer
        case .number: return .number
        case .percent: return .percent
        case .euro: return .euro
        case .date: return .date
        case .bool: return .bool
        }
    }

    static let dateFormatID = 164
    static let euroFormatID = 165

    static let xml = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <numFmts count="2">\
    <numFmt numFmtId="\(dateFormatID)" formatCode="dd/mm/yyyy"/>\
    <numFmt numFmtId="\(euroFormatID)" formatCode="&quot;€ &quot;#,##0.00"/>\
    </numFmts>\
    <fonts count="2">\
    <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
    <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
    </fonts>\
    <fills count="3">\
    <fill><patternFill patternType="none"/></fill>\
    <fill><patternFill patternType="gray125"/></fill>\
    <fill><patternFill patternType="solid"><fgColor rgb="FFD9E2F3"/><bgColor indexed="64"/></patternFill></fill>\
    </fills>\
    <borders count="2">\
    <border><left/><right/><top/><bottom/><diagonal/></border>\
    <border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>\
    </borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="9">\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">\
    <alignment vertical="top" wrapText="1"/></xf>\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
    <xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>\
    <xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>\
    <xf numFmtId="\(euroFormatID)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>\
    <xf numFmtId="\(dateFormatID)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" horizontal="center"/></xf>\
    </cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """
}
