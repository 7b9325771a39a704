import Crypto
import Foundation

/// SHA-256 in lowercase hexadecimal: evidence checksums, plan JSON checksums, session token hashes.
enum Digest {
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).withUnsafeBytes(hex)
    }

    static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// Lowercase hexadecimal, written straight into the string's storage: every signed-in request hashes its token,
    /// and a string per byte joined afterwards cost more than the hash itself.
    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: 2 * bytes.count) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[2 * index] = hexDigits[Int(byte >> 4)]
                buffer[2 * index + 1] = hexDigits[Int(byte & 0x0F)]
            }
            return 2 * bytes.count
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
