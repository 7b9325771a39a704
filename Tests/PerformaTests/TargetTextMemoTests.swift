import Performa
import Testing

/// The memo of parsed target texts: the parser's answer, each text kept, never more than its limit.
@Suite("Memo of target texts")
struct TargetTextMemoTests {
    @Test("every kind is the parser's, and a full memo starts again empty")
    func boundedAndExact() {
        let memo = TargetTextMemo(limit: 3)
        let texts = ["Almeno 100", "100%", "SI", "-", "entro il 31/12/2021", "Almeno 100"]
        for (index, text) in texts.enumerated() {
            #expect(memo.kind(of: text) == TargetParser.parse(text), "\(text)")
            #expect(memo.count <= 3, "after \(index + 1) texts")
        }
        // The fourth distinct text found the memo full: it was emptied, and that text and the two after it were kept.
        #expect(memo.count == 3)
    }

    @Test("shared between tasks, it gives each the parser's answer")
    func concurrentUse() async {
        let memo = TargetTextMemo(limit: 8)
        let texts = (1...40).map { "Almeno \($0)" } + ["100%", "SI", "-"]
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<4 {
                group.addTask {
                    texts.shuffled().enumerated().filter { ($0.offset + task) % 2 == 0 }
                        .count { memo.kind(of: $0.element) != TargetParser.parse($0.element) }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
        #expect(memo.count <= 8)
    }
}
