import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A submitted form, URL-encoded or multipart (with files), after its CSRF token was checked against the
/// browser's cookie. Reading a form that fails the check throws 403 and nothing else is looked at.
struct FormInput: Sendable {
    private(set) var fields: [String: [String]] = [:]
    private(set) var files: [String: UploadedFile] = [:]

    /// The first value of a field, trimmed; empty when absent.
    func text(_ name: String) -> String {
        (fields[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The field's trimmed value, nil when absent or blank.
    func optional(_ name: String) -> String? {
        let value = text(name)
        return value.isEmpty ? nil : value
    }

    func all(_ name: String) -> [String] { fields[name] ?? [] }

    func file(_ name: String) -> UploadedFile? { files[name] }

    static func read(_ request: Request, context: WebRequestContext) async throws -> FormInput {
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        let contentType = request.headers[.contentType] ?? ""
        var form: FormInput
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = Self.parameter("boundary", in: contentType) else {
                throw HTTPError(.badRequest, message: "Modulo non leggibile: manca il separatore delle parti (boundary).")
            }
            form = try Self.multipart(body, boundary: boundary)
        } else {
            form = Self.urlEncoded(String(buffer: body))
        }
        guard context.acceptsCSRFToken(form.fields[CSRFMiddleware.fieldName]?.first) else {
            throw HTTPError(.forbidden, message: "Il modulo è scaduto o non proviene da Performa: ricaricare la pagina e inviarlo di nuovo. Nulla è stato salvato.")
        }
        form.fields[CSRFMiddleware.fieldName] = nil
        return form
    }

    /// `a=1&b=due+parole&c=%C3%A8`
    static func urlEncoded(_ text: String) -> FormInput {
        var form = FormInput()
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            form.fields[name, default: []].append(value)
        }
        return form
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    private static func multipart(_ body: ByteBuffer, boundary: String) throws -> FormInput {
        var form = FormInput()
        var headers: [String: String] = [:]
        var content = ByteBuffer()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let disposition = headers["content-disposition"] ?? ""
            if let name = parameter("name", in: disposition) {
                if let fileName = parameter("filename", in: disposition) {
                    // An empty file input submits a part with no name and no bytes: no file chosen.
                    if !fileName.isEmpty || content.readableBytes > 0 {
                        let data = Data(content.readableBytesView)
                        form.files[name] = UploadedFile(fileName: fileName, contentType: headers["content-type"] ?? "application/octet-stream", data: data)
                    }
                } else {
                    form.fields[name, default: []].append(String(buffer: content))
                }
            }
            headers = [:]
            content = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "Modulo non leggibile: il contenuto inviato è incompleto o malformato.")
        }
        return form
    }

    /// A parameter of a header value: `boundary` in `multipart/form-data; boundary=xyz`, `filename` in a
    /// Content-Disposition. Quoted values may contain `;`.
    static func parameter(_ name: String, in header: String) -> String? {
        var rest = Substring(header)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop(while: { $0 == " " })
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = rest[rest.index(after: equals)...]
            if value.first == "\"" {
                value = value.dropFirst()
                let end = value.firstIndex(of: "\"") ?? value.endIndex
                let found = String(value[..<end])
                if key == name { return found }
                rest = end < value.endIndex ? value[value.index(after: end)...] : ""
            } else {
                let end = value.firstIndex(of: ";") ?? value.endIndex
                if key == name { return String(value[..<end]).trimmingCharacters(in: .whitespaces) }
                rest = value[end...]
            }
        }
        return nil
    }
}

/// A file from a multipart form.
struct UploadedFile: Sendable {
    var fileName: String
    var contentType: String
    var data: Data
}
