import MailServer

/// Turns a snapshot and log evidence into findings, most severe first.
public struct FindingEngine: Sendable {
    /// Every rule, in the order their findings are listed within one severity.
    static let rules: [any FindingRule] = [
        HostnameIsHostedDomainRule(), RejectedGreetingRule(), IneffectiveWhitelistRule(),
        OrphanLocalDomainRule(), LocalAndRemoteDomainRule(), StaleDomainTracesRule(),
        GreetingIsHostedDomainRule(), MailheloNotPersistentRule(),
        EntryProblemRule(), BroadWhitelistRule(), RelayWhitelistRule(), StaleLockRule(),
        HostnameNotLocalRule(), CheckDisabledRule(),
    ]

    /// Creates the engine.
    public init() {}

    /// All findings for `snapshot`, given the rejections grouped from the logs.
    public func evaluate(_ snapshot: ServerSnapshot, rejections: [RejectionGroup] = []) -> [Finding] {
        let context = RuleContext(snapshot, rejections: rejections)
        let all = Self.rules.flatMap { $0.findings(in: context) }
        // Stable: within a severity the rule order above, then the order each rule produced.
        return all.enumerated().sorted {
            $0.element.severity != $1.element.severity ? $0.element.severity < $1.element.severity : $0.offset < $1.offset
        }.map(\.element)
    }
}
