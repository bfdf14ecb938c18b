/// Called at each step where a transaction or a plan reads a file or moves on (`read /etc/mailhelo`,
/// `locked`, `checked /etc/mailhelo`, `after-journal`, `after-file-1`, `before-marker`). Production
/// code passes ``none``; tests inject one to race a concurrent writer against every read point or
/// to stop the process there (debug builds of the CLI only), so no test hook ships in a release.
public struct StepHook: Sendable {
    private let body: (@Sendable (String) -> Void)?

    /// No hook (normal operation).
    public static let none = StepHook(nil)

    /// A hook that runs `body` with the step's name.
    public init(_ body: (@Sendable (String) -> Void)?) { self.body = body }

    func reached(_ step: String) { body?(step) }
}
