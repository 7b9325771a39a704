/// One rule of the plan validator. A check reads the plan through a `ValidationContext` and reports
/// what it finds; it never changes the plan and never depends on another check's findings.
protocol PlanCheck: Sendable {
    /// The stable codes this check emits (`W-SUM`, …).
    static var codes: [String] { get }
    func run(_ context: ValidationContext) -> [Diagnostic]
}
