// libFuzzer entry point for the target-text parser, compiled together with the Performa module's sources by
// run-libfuzzer.sh (a manual, coverage-guided complement of the in-process fuzz tests; not part of CI).
import Foundation

private struct Holder: Codable, Equatable { var target: Target }

@_cdecl("LLVMFuzzerTestOneInput")
public func performaTargetParserFuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { UnsafeRawBufferPointer(start: $0, count: count) } ?? UnsafeRawBufferPointer(start: nil, count: 0)
    let target = Target(parsing: String(decoding: bytes, as: UTF8.self))
    // The same property as TargetTextFuzzTests: finite numbers, and the file coding gives the target back.
    if let level = target.kind.level, !level.isFinite { fatalError("non-finite level for «\(target.text)»") }
    guard let data = try? JSONEncoder().encode(Holder(target: target)),
          let decoded = try? JSONDecoder().decode(Holder.self, from: data), decoded == Holder(target: target) else {
        fatalError("coding round trip failed for «\(target.text)»")
    }
    return 0
}
