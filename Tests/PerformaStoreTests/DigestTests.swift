import Crypto
import Foundation
import PropertyBased
import Testing
@testable import PerformaStore

@Suite("Digests")
struct DigestTests {
    @Test("the hexadecimal SHA-256 of the empty text and of a known one")
    func knownValues() {
        #expect(Digest.sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("two lowercase hexadecimal digits per byte, in order, for any bytes")
    func hexOfAnyBytes() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...64), Gen.int(in: 0...Int(Int32.max))) { count, seed in
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: (seed &* 2_654_435_761) >> ($0 % 24) &+ $0 &* 31) }
            let expected = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
            #expect(bytes.withUnsafeBytes(Digest.hex) == expected)
        }
    }
}
