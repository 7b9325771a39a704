import Mustache

/// A view struct turned into dictionaries and arrays once, before rendering.
///
/// swift-mustache looks a name up in a struct with `Mirror`, scanning every property of every object on the
/// context stack at each `{{name}}`: a page of a few hundred rows spent three quarters of its time there
/// (measured with `perf` on the cruscotto). Dictionaries are looked up by hash instead. The lookup rules stay the
/// same: a nil optional is left out, exactly as Mustache treats a nil property (it looks further up the stack).
enum MustacheView {
    static func flatten(_ value: Any) -> Any {
        // Values Mustache treats specially, and leaves that render as text, stay as they are.
        if value is MustacheParent || value is MustacheLambda || value is MustacheCustomRepresentation
            || value is CustomStringConvertible && !(value is any Collection) {
            return value
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let present = unwrapped(child.value) else { continue }
                fields[label] = flatten(present)
            }
            return fields
        case .collection:
            return mirror.children.compactMap { unwrapped($0.value).map(flatten) }
        case .optional:
            return unwrapped(value).map(flatten) ?? value
        default:
            return value
        }
    }

    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
