import Foundation
import Performa

/// A document attached as evidence of a measurement (the *documentazione* the OIV may ask for).
public struct EvidenceFile: Hashable, Sendable, Codable {
    public var id: String
    public var planID: String
    public var indicator: IndicatorKey
    public var at: Day
    public var fileName: String
    public var contentType: String
    public var size: Int
    /// SHA-256 of the content, hexadecimal.
    public var sha256: String
    public var uploadedBy: String
    public var uploadedAt: Date
}

/// A file to attach, as received.
public struct EvidenceUpload: Hashable, Sendable {
    public var fileName: String
    /// The declared MIME type; `application/octet-stream` lets the file name decide.
    public var contentType: String
    public var data: Data

    public init(fileName: String, contentType: String, data: Data) {
        self.fileName = fileName
        self.contentType = contentType
        self.data = data
    }
}
