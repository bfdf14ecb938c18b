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
    /// An incomplete snapshot (a file exists but could not be read) gives no findings at all: a
    /// domain missing from an unreadable userdomains would look orphaned, an unreadable localopts
    /// would look "off". Callers say the data is incomplete instead (``ServerSnapshot/incompleteSummary``).
    public func evaluate(_ snapshot: ServerSnapshot, rejections: [RejectionGroup] = []) -> [Finding] {
        guard snapshot.isComplete else { return [] }
        let context = RuleContext(snapshot, rejections: rejections)
        let all = Self.rules.flatMap { $0.findings(in: context) }
        // Stable: within a severity the rule order above, then the order each rule produced.
        return all.enumerated().sorted {
            $0.element.severity != $1.element.severity ? $0.element.severity < $1.element.severity : $0.offset < $1.offset
        }.map(\.element)
    }
}
