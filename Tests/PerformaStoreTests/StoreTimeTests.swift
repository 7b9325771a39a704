import Foundation
import PropertyBased
import Testing
@testable import PerformaStore

@Suite("Stored times")
struct StoreTimeTests {
    @Test("the fixed-width reader gives Foundation's answer for every stored time between 1900 and 2200")
    func fixedWidthMatchesFoundation() async {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
        // Milliseconds since 1970 from 1900-01-01 to 2200-12-31.
        await propertyCheck(count: 2_000, input: Gen.int(in: -2_208_988_800_000...7_289_654_399_999)) { milliseconds in
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
            let text = StoreTime.text(date)
            let expected = try? style.parse(text)
            #expect(expected != nil)
            #expect(StoreTime.fixedWidthDate(text) == expected.map { StoreTime.stored($0) })
            #expect(StoreTime.fixedWidthDate(text) == StoreTime.stored(date))
        }
    }

    @Test("the fixed-width writer gives Foundation's text for every moment between 1900 and 2200")
    func fixedWidthWriterMatchesFoundation() async {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
        await propertyCheck(count: 2_000, input: Gen.int(in: -2_208_988_800_000...7_289_654_399_999)) { milliseconds in
            let expected = style.format(Date(timeIntervalSince1970: (Double(milliseconds) + 0.5) / 1_000))
            #expect(StoreTime.fixedWidthText(milliseconds: Int64(milliseconds)) == expected)
            #expect(StoreTime.fixedWidthDate(expected).map(StoreTime.text) == expected)
        }
        #expect(StoreTime.fixedWidthText(milliseconds: -1) == "1969-12-31T23:59:59.999Z")
        #expect(StoreTime.fixedWidthText(milliseconds: 0) == "1970-01-01T00:00:00.000Z")
    }

    @Test("texts not in the stored form are left to Foundation, and impossible days are refused")
    func otherForms() throws {
        #expect(StoreTime.fixedWidthDate("2021-02-29T00:00:00.000Z") == nil)
        #expect(StoreTime.fixedWidthDate("2024-02-29T23:59:59.999Z") != nil)
        #expect(StoreTime.fixedWidthDate("2021-12-31T09:15:00Z") == nil)
        #expect(StoreTime.fixedWidthDate("2021-13-01T00:00:00.000Z") == nil)
        #expect(StoreTime.fixedWidthDate("2021-12-31T24:00:00.000Z") == nil)
        #expect(try StoreTime.date("2021-12-31T09:15:00Z") == StoreTime.fixedWidthDate("2021-12-31T09:15:00.000Z"))
        #expect(throws: StoreError.self) { try StoreTime.date("ieri") }
    }
}
