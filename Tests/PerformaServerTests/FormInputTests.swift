import Foundation
import Hummingbird
import Performa
@testable import PerformaServer
import Testing

@Suite("Forms, formats and small views")
struct FormInputTests {
    @Test("URL-encoded forms decode plus signs, percent escapes and repeated fields")
    func urlEncoded() {
        let form = FormInput.urlEncoded("valore=1.489&nota=Bandi+chiusi+%C3%A8+ok&x=1&x=2&vuoto=")
        #expect(form.text("valore") == "1.489")
        #expect(form.text("nota") == "Bandi chiusi è ok")
        #expect(form.all("x") == ["1", "2"])
        #expect(form.optional("vuoto") == nil)
        #expect(form.text("assente") == "")
    }

    @Test("header parameters are read with and without quotes")
    func parameters() {
        #expect(FormInput.parameter("boundary", in: "multipart/form-data; boundary=----abc") == "----abc")
        let disposition = #"form-data; name="evidenza"; filename="verbale; finale.pdf""#
        #expect(FormInput.parameter("name", in: disposition) == "evidenza")
        #expect(FormInput.parameter("filename", in: disposition) == "verbale; finale.pdf")
        #expect(FormInput.parameter("filename", in: #"form-data; name="valore""#) == nil)
    }

    @Test("Italian numbers, dates and checkpoints on the pages")
    func display() {
        #expect(Display.achievement(0.9788) == "97,88%")
        #expect(Display.achievement(nil) == "n.d.")
        #expect(Display.weight(20) == "20,00%")
        #expect(Display.euro(737_737_652) == "€ 7.377.376,52")
        #expect(Display.checkpoint(.midYear(2021)) == "30/6/2021")
        #expect(Display.checkpoint(Day(2021, 3, 29)) == "29/03/2021")
        // 1 January 2022, 00:30 in Rome is still 31 December 2021 in UTC.
        #expect(Display.moment(Date(timeIntervalSince1970: 1_640_993_400)) == "01/01/2022 00:30")
    }

    @Test("narrative text becomes paragraphs and lists")
    func narrative() {
        let blocks = NarrativeBlock.blocks("Primo paragrafo\nsu due righe.\n\n- voce uno\n- voce due\nChiusura.")
        #expect(blocks.count == 3)
        #expect(blocks[0].lines == ["Primo paragrafo", "su due righe."])
        #expect(blocks[1].isList && blocks[1].items == ["voce uno", "voce due"])
        #expect(blocks[2].lines == ["Chiusura."])
    }

    @Test("the achievement bar is as long as the achievement, up to the cap")
    func meter() {
        #expect(AchievementMeter(fraction: 0.5).svg.contains("width=\"80\""))
        #expect(AchievementMeter(fraction: 1.4, cap: 1.2).svg.contains("width=\"160\" height=\"10\" rx=\"2\" fill=\"#008055\""))
        #expect(!AchievementMeter(fraction: nil).svg.contains("fill=\"#0066cc\""))
    }

    @Test("random tokens are long, URL-safe and different every time")
    func tokens() {
        let a = RandomToken.make(), b = RandomToken.make()
        #expect(a.count == 43)
        #expect(a != b)
        #expect(a.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(RandomToken.equal(a, a) && !RandomToken.equal(a, b))
        // Any length: whole draws of eight bytes are cut to the bytes asked for (4 characters per 3 bytes).
        for bytes in [1, 7, 8, 9, 12, 33] { #expect(RandomToken.make(bytes: bytes).count == (bytes * 4 + 2) / 3) }
        #expect(Set((0..<200).map { _ in RandomToken.make(bytes: 12) }).count == 200)
    }
}
