import Crypto
import Foundation

/// SHA-256 in lowercase hexadecimal: evidence checksums, plan JSON checksums, session token hashes.
enum Digest {
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }
}
