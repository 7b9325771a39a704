import Foundation

/// The few checks an e-mail address needs here: the bare address inside `Name <address>`, and no characters that
/// could break out of a header or an SMTP command.
enum MailAddress {
    /// `performa@ente.example` from `Performa <performa@ente.example>` or from itself; nil when it is not an address.
    static func bare(_ text: String) -> String? {
        var address = text.trimmingCharacters(in: .whitespaces)
        if let open = address.lastIndex(of: "<"), let close = address.lastIndex(of: ">"), open < close {
            address = String(address[address.index(after: open)..<close])
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              address.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>()[],;:\\\"".contains($0) }) else { return nil }
        return address
    }
}
