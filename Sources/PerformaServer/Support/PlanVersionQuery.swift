import Hummingbird

/// The plan version a request asks for (`?version=N` in the API, `?versione=N` on the pages): read here for every
/// way in, so that a version that is not a number is refused (400) rather than quietly replaced by the current one.
enum PlanVersionQuery {
    /// Versions are counted from 1; the store keeps them as 32-bit integers on PostgreSQL.
    static let range = 1...Int(Int32.max)

    /// The version asked for, nil when the parameter is absent (the current version); a value that is not a whole
    /// number from 1 to 2.147.483.647, written in digits, is a 400 with an Italian message (a page or, under
    /// `/api`, the API's error JSON: `ErrorMiddleware`).
    static func parse(_ text: String?, parameter: String) throws -> Int? {
        guard let text else { return nil }
        guard !text.isEmpty, text.utf8.count <= 10, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let version = Int(text), range.contains(version) else {
            throw HTTPError(.badRequest, message: "Versione del piano non valida: «\(text.prefix(40))» (\(parameter) deve essere un numero intero da 1 in su, es. \(parameter)=2).")
        }
        return version
    }
}
