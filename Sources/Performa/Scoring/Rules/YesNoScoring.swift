/// `SI` / `NO` targets: 100% when the answer matches, 0% otherwise.
enum YesNoScoring {
    static func achievement(actual: Bool, target: Bool) -> Double {
        actual == target ? 1 : 0
    }
}
