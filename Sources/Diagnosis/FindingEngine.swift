import MailServer

/// Turns a snapshot and log evidence into findings, most severe first.
public struct FindingEngine: Sendable {
    /// Creates the engine.
    public init() {}

    /// All findings for `snapshot`, given the rejections grouped from the logs.
    public func evaluate(_ snapshot: ServerSnapshot, rejections: [RejectionGroup] = []) -> [Finding] {
        // The rules are filled in by the "Findings" issue.
        []
    }
}
