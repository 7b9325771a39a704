import Foundation
import Performa

/// Which evidence documents the store accepts: at most `maximumBytes` (10 MB by default), and only the kinds an
/// administration files as evidence — PDF, images, office documents, CSV and digitally signed files (.p7m) —
/// recognised by their name AND their first bytes, so that a renamed executable is not taken for a PDF.
public struct EvidencePolicy: Hashable, Sendable {
    public var maximumBytes: Int

    public static let standard = EvidencePolicy(maximumBytes: 10 * 1024 * 1024)

    public init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    /// An accepted kind of document: its extensions, MIME type and the way its content starts.
    struct Kind: Sendable {
        let extensions: [String]
        let contentType: String
        let label: String
        let signature: Signature
    }

    enum Signature: Sendable {
        case prefix([UInt8])
        /// ZIP container: OOXML (docx, xlsx, pptx) and OpenDocument (odt, ods, odp).
        case zip
        /// The OLE2 container of the older Office formats (doc, xls, ppt).
        case ole
        /// Text: no NUL bytes, UTF-8 or Latin-1.
        case text
        /// DER-encoded PKCS#7 (CAdES signed file): starts with a SEQUENCE tag.
        case der
    }

    static let kinds: [Kind] = [
        Kind(extensions: ["pdf"], contentType: "application/pdf", label: "PDF", signature: .prefix(Array("%PDF-".utf8))),
        Kind(extensions: ["png"], contentType: "image/png", label: "immagine PNG", signature: .prefix([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        Kind(extensions: ["jpg", "jpeg"], contentType: "image/jpeg", label: "immagine JPEG", signature: .prefix([0xFF, 0xD8, 0xFF])),
        Kind(extensions: ["docx"], contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label: "documento Word", signature: .zip),
        Kind(extensions: ["xlsx"], contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", label: "foglio Excel", signature: .zip),
        Kind(extensions: ["pptx"], contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", label: "presentazione PowerPoint", signature: .zip),
        Kind(extensions: ["odt"], contentType: "application/vnd.oasis.opendocument.text", label: "documento OpenDocument", signature: .zip),
        Kind(extensions: ["ods"], contentType: "application/vnd.oasis.opendocument.spreadsheet", label: "foglio OpenDocument", signature: .zip),
        Kind(extensions: ["odp"], contentType: "application/vnd.oasis.opendocument.presentation", label: "presentazione OpenDocument", signature: .zip),
        Kind(extensions: ["doc"], contentType: "application/msword", label: "documento Word", signature: .ole),
        Kind(extensions: ["xls"], contentType: "application/vnd.ms-excel", label: "foglio Excel", signature: .ole),
        Kind(extensions: ["ppt"], contentType: "application/vnd.ms-powerpoint", label: "presentazione PowerPoint", signature: .ole),
        Kind(extensions: ["csv"], contentType: "text/csv", label: "CSV", signature: .text),
        Kind(extensions: ["p7m"], contentType: "application/pkcs7-mime", label: "file firmato digitalmente", signature: .der),
    ]

    static let acceptedList = "PDF, immagini PNG e JPEG, documenti d'ufficio (DOC, DOCX, XLS, XLSX, PPT, PPTX, ODT, ODS, ODP), CSV e file firmati digitalmente (P7M)"

    /// Checks an upload; returns the file name to keep (without any folder) and the MIME type to store.
    public func check(_ upload: EvidenceUpload) throws(StoreError) -> (fileName: String, contentType: String) {
        let name = Self.cleanName(upload.fileName)
        guard !name.isEmpty else { throw .evidenceRejected("Il documento non ha un nome di file.") }
        guard !upload.data.isEmpty else { throw .evidenceRejected("Il documento «\(name)» è vuoto.") }
        guard upload.data.count <= maximumBytes else {
            throw .evidenceRejected("Il documento «\(name)» pesa \(Self.size(upload.data.count)) e supera il limite di \(Self.size(maximumBytes)).")
        }
        let fileExtension = (name as NSString).pathExtension.lowercased()
        guard let kind = Self.kinds.first(where: { $0.extensions.contains(fileExtension) }) else {
            throw .evidenceRejected("Tipo di documento non ammesso: «\(name)». Sono ammessi \(Self.acceptedList).")
        }
        let declared = upload.contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let generic = ["", "application/octet-stream", "binary/octet-stream", "application/x-download"]
        let aliases = kind.contentType == "text/csv" ? ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"]
            : kind.contentType == "application/pkcs7-mime" ? ["application/pkcs7-mime", "application/x-pkcs7-mime", "application/pkcs7-signature"]
            : kind.contentType == "image/jpeg" ? ["image/jpeg", "image/pjpeg"] : [kind.contentType]
        guard generic.contains(declared) || aliases.contains(declared) else {
            throw .evidenceRejected("Il documento «\(name)» è dichiarato come «\(declared)», ma il nome indica un altro tipo (\(kind.label)).")
        }
        guard Self.matches(kind.signature, upload.data) else {
            throw .evidenceRejected("Il contenuto di «\(name)» non è del tipo indicato dal nome (\(kind.label)).")
        }
        return (name, kind.contentType)
    }

    static func matches(_ signature: Signature, _ data: Data) -> Bool {
        let head = [UInt8](data.prefix(8))
        switch signature {
        case .prefix(let bytes): return head.starts(with: bytes)
        case .zip: return head.starts(with: [0x50, 0x4B, 0x03, 0x04])
        case .ole: return head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        case .der: return head.first == 0x30
        case .text: return !data.contains(0)
        }
    }

    /// The last path component, without control characters, at most 200 characters.
    static func cleanName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        return String(clean.suffix(200))
    }

    /// `10 MB`, `10,01 MB`, `980 kB`, `12 byte`: rounded up, so that a file just over the limit never reads as equal to it.
    static func size(_ bytes: Int) -> String {
        func rounded(_ value: Double) -> String { ItalianNumber.format((value * 100).rounded(.up) / 100, fractionDigits: 2, minimumFractionDigits: 0) }
        if bytes >= 1_048_576 { return rounded(Double(bytes) / 1_048_576) + " MB" }
        if bytes >= 1_024 { return rounded(Double(bytes) / 1_024) + " kB" }
        return ItalianNumber.format(Double(bytes)) + " byte"
    }
}
