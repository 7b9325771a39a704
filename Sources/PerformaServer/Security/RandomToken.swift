/// Unguessable tokens (CSRF cookies): 32 bytes from the system's secure generator, base64url without padding,
/// so that they fit a cookie and a form field unescaped.
enum RandomToken {
    static func make(bytes count: Int = 32) -> String {
        // Eight bytes per draw from the system generator (one getrandom each), not one: this runs for every
        // browser's first request.
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            withUnsafeBytes(of: generator.next() as UInt64) { bytes.append(contentsOf: $0) }
        }
        var text = ""
        text.reserveCapacity((count * 4 + 2) / 3)
        var buffer = 0, bits = 0
        for byte in bytes.prefix(count) {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                text.append(alphabet[(buffer >> bits) & 63])
            }
        }
        if bits > 0 { text.append(alphabet[(buffer << (6 - bits)) & 63]) }
        return text
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// Compares two secrets in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
