import Foundation
import Hummingbird

/// The API's error body: `{"error": "…"}`, the message in Italian as the pages show it.
enum APIError {
    struct Body: Codable, Sendable {
        var error: String
        /// The form field the message is about, when there is one (`value`).
        var field: String?
    }

    static func response(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) -> Response {
        APIJSON.response(Body(error: message, field: field), status: status)
    }
}

/// JSON responses of the API: sorted keys and ISO 8601 dates, so that the same data gives the same bytes.
enum APIJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        do {
            let data = try encoder().encode(value)
            return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        } catch {
            return Response(status: .internalServerError, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"Risposta non codificabile in JSON.\"}")))
        }
    }
}
