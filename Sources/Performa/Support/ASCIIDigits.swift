/// Fixed-width decimal fields read on bytes: the stored forms of days (`2021-12-31`) and of times
/// (`2021-12-31T09:15:00.000Z`), read thousands of times per request or plan, where the general readers trim and split.
public enum ASCIIDigits {
    /// The number the bytes at `range` spell; nil unless every one of them is an ASCII digit.
    @inlinable
    public static func number<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>) -> Int? where Bytes.Index == Int {
        var value = 0
        for index in range {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}
