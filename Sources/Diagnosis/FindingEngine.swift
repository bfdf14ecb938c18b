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
        evaluate(prepare(snapshot), rejections: rejections)
    }

    /// The work that needs only the snapshot: the look-up tables and the findings of every rule
    /// that does not read the log, done while the log is still being scanned.
    public func prepare(_ snapshot: ServerSnapshot) -> PreparedRules {
        guard snapshot.isComplete else { return PreparedRules(context: nil, found: []) }
        let context = RuleContext(snapshot, rejections: [])
        return PreparedRules(context: context, found: Self.rules.map { $0.readsLog ? nil : $0.findings(in: context) })
    }

    /// All findings: those of ``prepare(_:)`` and those of the rules that read the log's `rejections`.
    public func evaluate(_ prepared: PreparedRules, rejections: [RejectionGroup]) -> [Finding] {
        guard var context = prepared.context else { return [] }
        context.rejections = rejections
        let lists = zip(Self.rules, prepared.found).map { rule, found in found ?? rule.findings(in: context) }
        // Stable: within a severity the rule order above, then the order each rule produced.
        return Self.mostSevereFirst(Self.joined(consume lists))
    }

    /// The lists one after the other. The longest (a flood's 10,000 refused greetings) is kept
    /// and the others are put in front of it and after it, so its findings are not copied one by
    /// one (a retain and release per field) when it is the only holder of its elements.
    static func joined(_ lists: consuming [[Finding]]) -> [Finding] {
        guard let longest = lists.indices.max(by: { lists[$0].count < lists[$1].count }) else { return [] }
        var all: [Finding] = []
        swap(&all, &lists[longest])
        all.insert(contentsOf: lists[..<longest].joined(), at: 0)
        all.append(contentsOf: lists[(longest + 1)...].joined())
        return all
    }

    /// `findings` most severe first; findings of equal severity keep their order. One pass per
    /// severity instead of a sort: a flood's 10,000 findings were copied around by the sort.
    /// Findings already in that order (the usual case: the rules are listed most severe first)
    /// are returned as they are, without a copy.
    public static func mostSevereFirst(_ findings: consuming [Finding]) -> [Finding] {
        if isMostSevereFirst(findings) { return findings }
        var out: [Finding] = []
        out.reserveCapacity(findings.count)
        for severity in Severity.allCases {
            for i in findings.indices where findings[i].severity == severity { out.append(findings[i]) }
        }
        return out
    }

    /// Whether no finding comes after a less severe one (reading only the severities, in place).
    private static func isMostSevereFirst(_ findings: borrowing [Finding]) -> Bool {
        findings.withUnsafeBufferPointer { f in
            guard f.count > 1 else { return true }
            let rank = Severity.allCases
            var current = rank.firstIndex(of: f[0].severity)!
            for i in 1..<f.count where f[i].severity != rank[current] {
                let next = rank.firstIndex(of: f[i].severity)!
                if next < current { return false }
                current = next
            }
            return true
        }
    }
}

/// What ``FindingEngine/prepare(_:)`` found in a snapshot before the log evidence is in.
public struct PreparedRules: Sendable {
    /// The tables every rule reads; `nil` for an incomplete snapshot (no findings at all).
    let context: RuleContext?
    /// Per rule of ``FindingEngine/rules``, its findings, or `nil` for a rule that reads the log.
    let found: [[Finding]?]
}
