import Hummingbird
@testable import PerformaServer
import Testing

/// `Request.cookie(_:)` reads a cookie as Hummingbird's `cookies` does, from the header's bytes.
@Suite("Request cookies")
struct RequestCookieTests {
    @Test("a cookie by its exact name, after other cookies, blanks or a longer name that starts the same")
    func reading() {
        let header = "performa_csrfx=no;  performa_csrf=abc=def; performa_sessione=tok"
        #expect(Request.cookie("performa_csrf", in: header) == "abc=def")
        #expect(Request.cookie("performa_sessione", in: header) == "tok")
        #expect(Request.cookie("performa_csrfx", in: header) == "no")
        #expect(Request.cookie("performa", in: header) == nil)
        #expect(Request.cookie("a", in: "a=") == "")
        #expect(Request.cookie("a", in: "") == nil)
        #expect(Request.cookie("a", in: ";;a=1;") == "1")
        #expect(Request.cookie("è", in: "è=sì") == "sì")
    }

    @Test("the same answers as Hummingbird's parser, over several Cookie headers")
    func sameAsHummingbird() {
        let headers = ["x=1; performa_sessione=s1", "performa_csrf=c1; performa_sessione=s2", "\tperforma_csrf=c2"]
        for name in ["x", "performa_sessione", "performa_csrf", "assente"] {
            let ours = headers.lazy.compactMap { Request.cookie(name, in: $0) }.first.map(String.init)
            #expect(ours == Cookies(from: headers)[name]?.value, "\(name)")
        }
    }
}
