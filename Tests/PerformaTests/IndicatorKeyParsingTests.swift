import Performa
import Testing

/// `IndicatorKey(parsing:)` reads keys without blanks directly; with blanks it trims. Both readings must agree.
@Suite("Reading indicator keys")
struct IndicatorKeyParsingTests {
    @Test("every pair of parts: a key read directly equals the same key read with blanks around its parts")
    func directMatchesTrimmed() {
        let parts = ["1", "1.1", "1.1.2", "PB.1", "3.2.10", "", "/", "a/b", "+2", "-1", "01", "x"]
        for objective in parts {
            for number in parts {
                let text = "\(objective)/\(number)"
                #expect(IndicatorKey(parsing: text) == IndicatorKey(parsing: " \(objective) / \(number) "), "\(text)")
            }
        }
    }

    @Test("stored keys and malformed ones")
    func examples() {
        #expect(IndicatorKey(parsing: "1.1.2/1") == IndicatorKey(objective: "1.1.2", number: 1))
        #expect(IndicatorKey(parsing: "PB.1/12") == IndicatorKey(objective: "PB.1", number: 12))
        #expect(IndicatorKey(parsing: "a/b/3") == IndicatorKey(objective: "a/b", number: 3))
        #expect(IndicatorKey(parsing: "/1") == nil)
        #expect(IndicatorKey(parsing: "1.1") == nil)
        #expect(IndicatorKey(parsing: "1.1/x") == nil)
    }
}
