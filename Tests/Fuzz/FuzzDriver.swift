// The one mutational fuzz driver of the test suites. It lives in Tests/Fuzz and is linked (a symbolic link)
// into each test target that fuzzes a parser, so every target runs the same mutators and loop.
//
// In-process and coverage-free: seeds from Tests/Fuzz/corpus/<target>/, a seeded PRNG, byte- and token-level
// mutations. CI runs a small number of iterations; `PERFORMA_FUZZ_ITERATIONS=200000 swift test --filter Fuzz`
// runs more, `PERFORMA_FUZZ_ITERATIONS_PLAN=…` one target's (see docs/fuzzing.md). A crash stops the test
// process: the input being tried is always in `$TMPDIR/performa-fuzz/<target>.current`, ready to become a
// named regression file in the corpus.
import Foundation
import Performa
import Testing

/// `SplitMix64`: small, fast, and the same sequence on every machine for a given seed.
struct FuzzRandom {
    private var core: SplitMix64

    init(seed: UInt64) { core = SplitMix64(state: seed) }

    mutating func next() -> UInt64 { core.next() }

    /// A number in `0..<bound` (bound > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// What one fuzz run did, printed by every fuzz test and appended to `PERFORMA_FUZZ_REPORT` when set.
struct FuzzReport: CustomStringConvertible {
    var target: String
    var seed: UInt64
    var iterations = 0
    var accepted = 0
    var refused = 0
    var seconds = 0.0
    var slowest = 0.0

    var description: String {
        let time = String(format: "%.2f", seconds), slow = String(format: "%.3f", slowest)
        return "fuzz \(target): \(iterations) iterazioni (\(accepted) accettati, \(refused) rifiutati) in \(time) s, "
            + "input più lento \(slow) s, seme \(seed)"
    }
}

enum FuzzDriver {
    /// `Tests/Fuzz/corpus`, found from this file (the link in a test target resolves to Tests/Fuzz).
    static let corpusRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("corpus")

    /// An input slower than this is a hang for the property (debug build on a shared machine; inputs take milliseconds).
    static let slowInputSeconds = 10.0

    /// Iterations of a run: `PERFORMA_FUZZ_ITERATIONS_<TARGET>` (`PERFORMA_FUZZ_ITERATIONS_XLSX_PARTS`), else
    /// `PERFORMA_FUZZ_ITERATIONS`, else the test's CI default.
    static func iterations(default smoke: Int, target: String? = nil) -> Int {
        let environment = ProcessInfo.processInfo.environment
        let specific = target.map { "PERFORMA_FUZZ_ITERATIONS_" + $0.uppercased().replacingOccurrences(of: "-", with: "_") }
        return (specific.flatMap { environment[$0] } ?? environment["PERFORMA_FUZZ_ITERATIONS"]).flatMap(Int.init) ?? smoke
    }

    /// `PERFORMA_FUZZ_SEED` replays or varies a run; the default keeps CI deterministic.
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["PERFORMA_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_211_231
    }

    /// Every file of `corpus/<target>/` (sorted by name, so runs are reproducible).
    static func corpus(_ target: String) -> [(name: String, data: Data)] {
        let folder = corpusRoot.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { (name, $0) }
        }
    }

    /// Tokens every parser meets in Performa's inputs, and the ones that break parsers.
    static let commonTokens: [String] = [
        "%", "≥", ">=", "SI", "NO", "entro il ", "31/12/2021", "2021-02-30", "0000-01-01", "99999-01-01", ": ", "- ", "&", "*",
        "&a ", "*a", "<", ">", "\"", "'", "\\", ";", ",", ".", "\n", "\r\n", "\t", "{", "}", "[", "]", "#", "|", "!!", "€",
        "NaN", "nan", ".nan", "Infinity", "-.inf", "1e400", "-0", "1.000.000,5", "99999999999999999999999999", "9223372036854775807",
        "-9223372036854775808", "0,0000001", "\u{0}", "\u{FEFF}", "\u{202E}", "مرحبا", "👩‍💻", "e\u{301}", "\u{FFFF}",
    ]

    /// Byte sequences that are not UTF-8.
    static let invalidUTF8: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80]]

    /// One to four stacked mutations of `input`, at most `maximumLength` bytes long.
    static func mutate(_ input: [UInt8], corpus: [[UInt8]], tokens: [[UInt8]], maximumLength: Int, _ random: inout FuzzRandom) -> [UInt8] {
        var bytes = input
        for _ in 0...random.below(4) {
            let position = random.below(bytes.count + 1)
            switch random.below(12) {
            case 0 where !bytes.isEmpty: // flip one bit
                let index = random.below(bytes.count)
                bytes[index] ^= UInt8(1 << random.below(8))
            case 1 where !bytes.isEmpty: // any byte
                bytes[random.below(bytes.count)] = UInt8(random.below(256))
            case 2: // insert random bytes
                bytes.insert(contentsOf: (0...random.below(8)).map { _ in UInt8(random.below(256)) }, at: position)
            case 3 where !bytes.isEmpty: // delete a range
                let length = min(bytes.count - min(position, bytes.count - 1), 1 + random.below(64))
                let start = min(position, bytes.count - 1)
                bytes.removeSubrange(start..<(start + length))
            case 4 where !bytes.isEmpty: // duplicate a range
                let start = random.below(bytes.count)
                let end = min(bytes.count, start + 1 + random.below(128))
                bytes.insert(contentsOf: bytes[start..<end], at: position)
            case 5, 6: // a dictionary token
                bytes.insert(contentsOf: random.pick(tokens), at: position)
            case 7 where !corpus.isEmpty: // splice: this input's head, another entry's tail
                let other = random.pick(corpus)
                let cut = random.below(other.count + 1)
                bytes = Array(bytes[..<min(position, bytes.count)]) + other[cut...]
            case 8: // invalid UTF-8
                bytes.insert(contentsOf: random.pick(invalidUTF8), at: position)
            case 9: // deep nesting
                let opener = random.pick(["[", "{", "{a: ", "- ", "(", "<a>", "\""])
                bytes.insert(contentsOf: Array(String(repeating: opener, count: 1 + random.below(2_000)).utf8), at: position)
            case 10: // a long run of one token (a huge line, a huge number)
                let token = random.pick(tokens + [Array("9".utf8), Array("a".utf8), Array(";".utf8)])
                bytes.insert(contentsOf: Array(repeating: token, count: 1 + random.below(4_000)).joined(), at: position)
            case 11 where !bytes.isEmpty: // swap two bytes
                bytes.swapAt(random.below(bytes.count), random.below(bytes.count))
            default:
                bytes.insert(UInt8(random.below(128)), at: position)
            }
        }
        return bytes.count > maximumLength ? Array(bytes[..<maximumLength]) : bytes
    }

    /// The outcome of one input: the parser returned a value, or refused the input with a typed error.
    enum Outcome { case accepted, refused }

    /// Runs `body` on the seeds, then on the mutants (see `FuzzSession`). `body` checks the property with
    /// `#expect`; an error it lets through fails the test. Returns the report, already printed.
    static func run(
        _ target: String, seeds extra: [Data] = [], tokens: [String] = [], defaultIterations: Int,
        maximumLength: Int = 64 * 1024, body: (Data) throws -> Outcome
    ) rethrows -> FuzzReport {
        var session = FuzzSession(target, seeds: extra, tokens: tokens, defaultIterations: defaultIterations, maximumLength: maximumLength)
        while let input = session.next() { session.record(try body(input)) }
        return session.finish()
    }

    /// English phrases of Foundation and library errors: a message that shows one has not been translated.
    static let englishMarkers = ["The data", "couldn’t", "couldn't", "Cannot", "cannot", "The operation", "Expected", "expected ",
                                 "is not", "Unexpected", "unexpected", "Invalid", "invalid", "not found", "Error Domain"]

    /// True when `message` is a message for a person in Italian: not empty, no untranslated library text.
    /// (YAML syntax details are quoted from libyaml inside an Italian sentence, so only the sentence is checked.)
    static func isItalianMessage(_ message: String) -> Bool {
        let sentence = message.replacingOccurrences(of: #"\([^()]*\)"#, with: "", options: .regularExpression)
        return !message.trimmingCharacters(in: .whitespaces).isEmpty && !englishMarkers.contains { sentence.contains($0) }
    }
}

/// One fuzz run, driven input by input (so that asynchronous parsers, such as a request to the web
/// application, use the same loop): the seeds first, then `iterations` mutants of them.
struct FuzzSession {
    let target: String
    private let seeds: [[UInt8]]
    private let dictionary: [[UInt8]]
    private let maximumLength: Int
    private let total: Int
    private let current: URL
    /// Kept open: `Data.write` syncs the file to disk, which would cost more than most parsers.
    private let currentFile: FileHandle?
    private let scratch: URL
    private var random: FuzzRandom
    private var index = 0
    private var started = Date()
    private var inputStarted = Date()
    private var input = Data()
    private(set) var report: FuzzReport

    init(_ target: String, seeds extra: [Data] = [], tokens: [String] = [], defaultIterations: Int, maximumLength: Int = 64 * 1024) {
        self.target = target
        seeds = FuzzDriver.corpus(target).map { [UInt8]($0.data) } + extra.map { [UInt8]($0) }
        precondition(!seeds.isEmpty, "no corpus for \(target) in \(FuzzDriver.corpusRoot.path)")
        dictionary = (FuzzDriver.commonTokens + tokens).map { Array($0.utf8) }
        self.maximumLength = maximumLength
        total = FuzzDriver.iterations(default: defaultIterations, target: target)
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("performa-fuzz")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        current = scratch.appendingPathComponent("\(target).current")
        _ = FileManager.default.createFile(atPath: current.path, contents: nil)
        currentFile = FileHandle(forWritingAtPath: current.path)
        let seed = FuzzDriver.seed
        report = FuzzReport(target: target, seed: seed)
        random = FuzzRandom(seed: seed ^ UInt64(truncatingIfNeeded: target.utf8.reduce(5381) { ($0 << 5) &+ $0 &+ Int($1) }))
    }

    /// The next input (a seed, then a mutant), nil when the run is over. It is saved first: a crash leaves it
    /// in `$TMPDIR/performa-fuzz/<target>.current`.
    mutating func next() -> Data? {
        guard index < seeds.count + total else { return nil }
        if index == 0 { started = Date() }
        let bytes = index < seeds.count ? seeds[index]
            : FuzzDriver.mutate(random.pick(seeds), corpus: seeds, tokens: dictionary, maximumLength: maximumLength, &random)
        input = Data(bytes)
        try? currentFile?.truncate(atOffset: 0)
        try? currentFile?.write(contentsOf: input)
        inputStarted = Date()
        return input
    }

    /// What the parser did with the input `next()` gave; a slow input is a failure (a hang in the making).
    mutating func record(_ outcome: FuzzDriver.Outcome) {
        let elapsed = Date().timeIntervalSince(inputStarted)
        if elapsed > FuzzDriver.slowInputSeconds {
            let kept = scratch.appendingPathComponent("\(target).slow-\(index)")
            try? input.write(to: kept)
            Issue.record("\(target): input \(index) took \(elapsed) s (kept in \(kept.path))")
        }
        switch outcome {
        case .accepted: report.accepted += 1
        case .refused: report.refused += 1
        }
        report.slowest = max(report.slowest, elapsed)
        report.iterations += 1
        index += 1
    }

    /// Prints the report and appends it to `PERFORMA_FUZZ_REPORT` when set.
    mutating func finish() -> FuzzReport {
        report.seconds = Date().timeIntervalSince(started)
        try? currentFile?.close()
        try? FileManager.default.removeItem(at: current)
        print(report)
        if let path = ProcessInfo.processInfo.environment["PERFORMA_FUZZ_REPORT"] {
            if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(Data((report.description + "\n").utf8))
                try? handle.close()
            }
        }
        return report
    }
}
