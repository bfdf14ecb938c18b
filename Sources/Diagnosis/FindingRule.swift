import MailServer

/// One rule: a stable id and the findings it produces from the context.
protocol FindingRule: Sendable {
    func findings(in context: RuleContext) -> [Finding]
}
