/// `SI` / `NO` targets: 100% when the answer matches, 0% otherwise.
public enum YesNoScoring {
    @inlinable
    public static func achievement(actual: Bool, target: Bool) -> Double {
        actual == target ? 1 : 0
    }
}
