/// The ranges every value of a plan or of its results must keep, whichever way it comes in (web form, API, plan
/// or results file, spreadsheet, command line): defined here once and applied by `MeasuredValue.problem(for:)`
/// (measured values) and `FieldLimits` (every field of a plan or results). Messages in Italian.
public enum ValueLimits {
    /// Weights and shares are percentages of their parent: 0–100.
    public static let weights: ClosedRange<Double> = 0...100
    /// An OIV's validated achievement, in percent: over-achievement is real, a thousand percent is not.
    public static let overrideAchievement: ClosedRange<Double> = 0...1_000
    /// A million billion: beyond any count, amount in euro or rate an administration measures. Larger numbers (a 1
    /// followed by 300 zeros reads as a finite Double) overflow to infinity in the scorer's arithmetic.
    public static let largestNumber = 1e15

    /// Titles, codes, names and identifiers (the longest title of the Brescia plan has 207 characters).
    public static let maximumTitleLength = 1_000
    /// Notes, reasons, evidence, targets as written and every other text.
    public static let maximumNoteLength = 10_000
    /// Running text: the chapters of the Piano and an objective's description (Brescia's longest: 5.673).
    public static let maximumChapterLength = 100_000

    /// The kinds of text, each with its own maximum length.
    public enum TextKind: Sendable {
        case title, note, chapter

        public var maximumLength: Int {
            switch self {
            case .title: return ValueLimits.maximumTitleLength
            case .note: return ValueLimits.maximumNoteLength
            case .chapter: return ValueLimits.maximumChapterLength
            }
        }
    }

    /// Why `weight` (a weight or share in percent) is not allowed; nil when it is.
    public static func weightProblem(_ weight: Double) -> String? {
        guard weight.isFinite, weights.contains(weight) else {
            return "peso fuori dai limiti: \(shown(weight)) (ammesso da 0 a 100, in percentuale)"
        }
        return nil
    }

    /// Why an OIV's validated achievement (in percent) is not allowed; nil when it is.
    public static func achievementProblem(_ achievement: Double) -> String? {
        guard achievement.isFinite, overrideAchievement.contains(achievement) else {
            return "grado di raggiungimento fuori scala: \(shown(achievement)) (ammesso da 0% a 1.000%)"
        }
        return nil
    }

    /// Why a number of no narrower range (an amount, a count, a measured value) is not allowed; nil when it is.
    public static func numberProblem(_ number: Double) -> String? {
        guard abs(number) <= largestNumber else {
            return "valore fuori scala: i numeri non possono superare un milione di miliardi (\(ItalianNumber.format(largestNumber)))"
        }
        return nil
    }

    /// Why a measured value is not allowed whatever its target: a number out of scale; nil when it is in scale.
    public static func scaleProblem(_ value: MeasuredValue) -> String? {
        guard isInScale(value) else {
            return "Valore fuori scala: i numeri rilevati non possono superare un milione di miliardi (\(ItalianNumber.format(largestNumber)))."
        }
        return nil
    }

    private static func isInScale(_ value: MeasuredValue) -> Bool {
        switch value {
        case .number(let number, _), .completion(let number): return abs(number) <= largestNumber
        case .ratio(let numerator, let denominator): return abs(numerator) <= largestNumber && abs(denominator) <= largestNumber
        case .parts(let parts): return parts.allSatisfy(isInScale)
        case .yesNo, .date: return true
        }
    }

    /// Why `text` may not be kept: longer than its kind allows, or holding a control character (NUL and the like
    /// make the XML of the documents and the SVG tree invalid and are never typed on purpose; tab and line breaks
    /// are text). Lengths count Unicode scalars, so that combining marks cannot hide a long text in one character.
    public static func textProblem(_ text: String, _ kind: TextKind) -> String? {
        var length = 0
        for scalar in text.unicodeScalars {
            length += 1
            if isForbidden(scalar) {
                return "il testo contiene un carattere di controllo non ammesso (U+\(hex(scalar.value)))"
            }
        }
        if length > kind.maximumLength {
            return "testo troppo lungo: \(ItalianNumber.format(Double(length))) caratteri, il massimo è \(ItalianNumber.format(Double(kind.maximumLength)))"
        }
        return nil
    }

    /// C0 and C1 control characters other than tab, line feed and carriage return, DEL, and the two
    /// non-characters XML refuses (U+FFFE, U+FFFF).
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A number as a message shows it; one out of any scale is not written out digit by digit.
    static func shown(_ number: Double) -> String {
        guard number.isFinite, abs(number) <= largestNumber else { return number.isNaN ? "non numerico" : "\(number < 0 ? "-" : "")fuori scala" }
        return ItalianNumber.format(number, fractionDigits: 4, minimumFractionDigits: 0)
    }
}
