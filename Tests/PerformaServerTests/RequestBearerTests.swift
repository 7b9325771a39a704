import HTTPTypes
import Hummingbird
import HummingbirdAuth
@testable import PerformaServer
import Testing

/// `Request.bearerToken` reads the token as HummingbirdAuth's `bearer` does, from the header's bytes.
@Suite("Request bearer token")
struct RequestBearerTests {
    @Test("the token after the exact prefix, as sent; nothing for another scheme or a bare prefix")
    func reading() {
        #expect(Request.bearerToken(in: "Bearer ente.abc_DEF-123") == "ente.abc_DEF-123")
        #expect(Request.bearerToken(in: "Bearer ") == "")
        #expect(Request.bearerToken(in: "Bearer  spazio") == " spazio")
        #expect(Request.bearerToken(in: "Bearer") == nil)
        #expect(Request.bearerToken(in: "bearer abc") == nil)
        #expect(Request.bearerToken(in: "Basic dXRlbnRlOnBhc3N3b3Jk") == nil)
        #expect(Request.bearerToken(in: "Bearer è") == "è")
    }

    @Test("the same answers as HummingbirdAuth's reading, on requests")
    func sameAsHummingbirdAuth() {
        for header in ["Bearer ente.segreto", "Bearer ", "bearer x", "Basic abc", "Bearerx", "Bearer a b", nil] {
            var fields = HTTPFields()
            if let header { fields[.authorization] = header }
            let request = Request(head: .init(method: .get, scheme: "http", authority: "localhost", path: "/api", headerFields: fields),
                                  body: .init(buffer: ByteBuffer()))
            #expect(request.bearerToken.map(String.init) == request.headers.bearer?.token, "\(header ?? "nessuna intestazione")")
        }
    }

    @Test("two Authorization headers give no token, not the first nor the two joined")
    func twoHeaders() {
        var fields = HTTPFields()
        fields.append(HTTPField(name: .authorization, value: "Bearer primo"))
        fields.append(HTTPField(name: .authorization, value: "Bearer secondo"))
        let request = Request(head: .init(method: .get, scheme: "http", authority: "localhost", path: "/api", headerFields: fields),
                              body: .init(buffer: ByteBuffer()))
        #expect(request.bearerToken == nil)
    }
}
