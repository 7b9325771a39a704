import Performa
import PropertyBased
import Testing

/// `Day(parsing:)` reads `2021-12-31` on its bytes; every other form goes through the general reading. Both must
/// agree wherever both apply: a text with a blank around it takes the general path.
@Suite("Reading days")
struct DayParsingTests {
    @Test("the fixed-width ISO form and the general reading give the same day, or both none, for any year, month and day")
    func fixedWidthMatchesGeneralReading() async {
        await propertyCheck(count: 3_000, input: Gen.int(in: 0...9_999), Gen.int(in: 0...99), Gen.int(in: 0...99)) { year, month, day in
            let text = String(year).leftPadded(4) + "-" + String(month).leftPadded(2) + "-" + String(day).leftPadded(2)
            let direct = Day(parsing: text), general = Day(parsing: " \(text) ")
            #expect(direct == general, "\(text)")
            if (1900...2200).contains(year), (1...12).contains(month), (1...Day.daysIn(month: month, year: year)).contains(day) {
                #expect(direct == Day(year, month, day), "\(text)")
            } else {
                #expect(direct == nil, "\(text)")
            }
        }
    }

    @Test("texts that only look like the fixed-width form")
    func nearMisses() {
        #expect(Day(parsing: "2021-12-3a") == nil)
        #expect(Day(parsing: "2021/12/31") == nil)
        #expect(Day(parsing: "31-12-2021") == Day(2021, 12, 31))
        #expect(Day(parsing: "2021-1-31") == Day(2021, 1, 31))
        #expect(Day(parsing: "+021-12-31") == nil)
        #expect(Day(parsing: "31/12/21") == Day(2021, 12, 31))
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
