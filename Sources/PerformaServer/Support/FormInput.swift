import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import NIOPosix
import PerformaStore

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

    /// A list typed in one field, separated by commas or semicolons (`3.1.2, 3.1.7`), each item trimmed.
    func list(_ name: String) -> [String] {
        text(name).split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A list typed one item per line.
    func lines(_ name: String) -> [String] {
        text(name).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The row numbers of a repeated group of fields, from the field every row has (`anno` → `anno-0`, `anno-1` …).
    func rows(_ field: String) -> Range<Int> {
        var n = 0
        while fields["\(field)-\(n)"] != nil { n += 1 }
        return 0..<n
    }

    func file(_ name: String) -> UploadedFile? { files[name] }

    static func read(_ request: Request, context: WebRequestContext) async throws -> FormInput {
        // A form from a browser without Performa's CSRF cookie is refused whatever it holds: refuse it before
        // reading it. So is a body that declares more bytes than this request may send.
        guard context.csrfTokenFromCookie else { throw refusedForgery }
        let limit = context.maxUploadSize
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit { throw tooLarge(context) }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw tooLarge(context)
        }
        let contentType = request.headers[.contentType] ?? ""
        // Parsing megabytes of multipart takes a while: on NIO's thread pool, never on the threads that serve
        // the other requests.
        var form = body.readableBytes < offloadThreshold
            ? try parse(body, contentType: contentType)
            : try await NIOThreadPool.singleton.runIfActive { try parse(body, contentType: contentType) }
        guard context.acceptsCSRFToken(form.fields[CSRFCookie.fieldName]?.first) else { throw refusedForgery }
        form.fields[CSRFCookie.fieldName] = nil
        return form
    }

    /// Bodies from this size up are parsed on the thread pool.
    static let offloadThreshold = 64 * 1024

    private static let refusedForgery = HTTPError(.forbidden, message: "Il modulo è scaduto o non proviene da Performa: ricaricare la pagina e inviarlo di nuovo. Nulla è stato salvato.")

    private static func tooLarge(_ context: WebRequestContext) -> HTTPError {
        guard context.identity != nil else {
            return HTTPError(.contentTooLarge, message: "Il modulo inviato è troppo grande per una richiesta senza accesso. Nulla è stato letto.")
        }
        let limit = "\(EvidencePolicy.standard.maximumBytes / 1_048_576) MB"
        return HTTPError(.contentTooLarge, message: "Il modulo inviato è troppo grande: i documenti a supporto possono pesare al massimo \(limit). Nulla è stato salvato.")
    }

    /// A URL-encoded or multipart body as fields and files (the CSRF token still among the fields).
    private static func parse(_ body: ByteBuffer, contentType: String) throws -> FormInput {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return urlEncoded(String(buffer: body)) }
        // MultipartKit stops the process on an empty boundary (a precondition); RFC 2046 allows 1 to 70 characters.
        guard let boundary = parameter("boundary", in: contentType), (1...70).contains(boundary.utf8.count) else {
            throw HTTPError(.badRequest, message: "Modulo non leggibile: manca il separatore delle parti (boundary) o non è valido.")
        }
        return try multipart(body, boundary: boundary)
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
        guard !hasUnsafeHeaderName(body, boundary: boundary) else {
            throw HTTPError(.badRequest, message: "Modulo non leggibile: il contenuto inviato è incompleto o malformato.")
        }
        var form = FormInput()
        var headers: [String: String] = [:]
        var content = ByteBuffer()
        var unreadable: String? = nil
        let parser = MultipartParser(boundary: boundary)
        // MultipartKit gives a header value that is not UTF-8 as an empty string.
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            defer { headers = [:]; content = ByteBuffer() }
            guard unreadable == nil else { return }
            // A part the form cannot place is refused, never dropped: the user would believe it was saved.
            guard let disposition = headers["content-disposition"], let name = parameter("name", in: disposition) else {
                unreadable = "una parte del modulo non ha un nome leggibile (forse il nome del file non è in UTF-8: rinominare il file e sceglierlo di nuovo)"
                return
            }
            switch fileName(in: disposition) {
            case .none:
                form.fields[name, default: []].append(String(buffer: content))
            case .unreadable:
                unreadable = "il nome del file non è leggibile: rinominare il file e sceglierlo di nuovo"
            case .named(let fileName):
                // An empty file input submits a part with no name and no bytes: no file chosen.
                if !fileName.isEmpty || content.readableBytes > 0 {
                    let data = Data(content.readableBytesView)
                    form.files[name] = UploadedFile(fileName: fileName, contentType: headers["content-type"] ?? "application/octet-stream", data: data)
                }
            }
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "Modulo non leggibile: il contenuto inviato è incompleto o malformato.")
        }
        if let unreadable { throw HTTPError(.badRequest, message: "Modulo non leggibile: \(unreadable). Nulla è stato salvato.") }
        return form
    }

    enum FileName: Equatable {
        /// Not a file part.
        case none
        case named(String)
        /// A file part whose name cannot be decoded.
        case unreadable
    }

    /// The file name of a part: `filename*=UTF-8''%C3%A8.pdf` (RFC 6266/5987, preferred when both are given) or
    /// `filename="è.pdf"`.
    static func fileName(in disposition: String) -> FileName {
        if let extended = parameter("filename*", in: disposition) {
            let pieces = extended.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
            guard pieces.count == 3, let bytes = percentDecodedBytes(pieces[2]) else { return .unreadable }
            switch pieces[0].lowercased() {
            case "utf-8": return String(validating: bytes, as: UTF8.self).map(FileName.named) ?? .unreadable
            case "iso-8859-1": return .named(String(bytes.map { Character(Unicode.Scalar($0)) }))
            default: return .unreadable
            }
        }
        return parameter("filename", in: disposition).map(FileName.named) ?? .none
    }

    private static func percentDecodedBytes(_ text: Substring) -> [UInt8]? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// MultipartKit 4 stops the process (index out of range) on a byte above 127 in a part's header name, which no
    /// well-formed form has. Such a body is refused before the parser sees it. The check covers every place the parser
    /// can read a header name: after any `--boundary`, each line up to its colon, until the first empty line
    /// (CR LF CR LF), where a part's headers end. Scanned once, left to right: linear in the body's size.
    static func hasUnsafeHeaderName(_ body: ByteBuffer, boundary: String) -> Bool {
        let bytes = Array(body.readableBytesView)
        let marker = Array("--\(boundary)".utf8)
        let end: [UInt8] = [13, 10, 13, 10]
        var index = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) else {
                index += 1
                continue
            }
            index += marker.count
            var inName = true
            while index < bytes.count && !bytes[index...].starts(with: end) {
                switch bytes[index] {
                case 10: inName = true
                case 58: inName = false
                case 0x80...: if inName { return true }
                default: break
                }
                index += 1
            }
        }
        return false
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
