import Testing
@testable import PerformaReports

@Suite("XML text")
struct XMLTextTests {
    @Test("markup characters are escaped")
    func escapes() {
        #expect(XMLText.escape("<a href=\"x\">Tom & 'Jerry'</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(XMLText.escape("Qualità – 30,00%") == "Qualità – 30,00%")
    }

    @Test("wrapping keeps words whole and marks cut text")
    func wraps() {
        #expect(XMLText.wrap("uno due tre quattro", width: 7, maxLines: 5) == ["uno due", "tre", "quattro"])
        #expect(XMLText.wrap("uno due tre quattro", width: 7, maxLines: 2) == ["uno due", "tre…"])
        #expect(XMLText.wrap("", width: 7, maxLines: 2).isEmpty)
    }
}
