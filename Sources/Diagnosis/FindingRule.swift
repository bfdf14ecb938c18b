import MailServer

/// One rule: a stable id and the findings it produces from the context.
protocol FindingRule: Sendable {
    func findings(in context: RuleContext) -> [Finding]
    /// Whether the findings depend on the log's rejections; the others are found while the log is
    /// still being scanned (``FindingEngine/prepare(_:)``).
    var readsLog: Bool { get }
}

extension FindingRule {
    var readsLog: Bool { false }
}
