import MailServer

/// Turns a ``RemedyRequest`` into a ``Plan`` for one server. Reads only: a read-only session
/// (console without edit mode, `helofix plan`) can use it freely.
public struct Planner: Sendable {
    /// The server as read, and the root it was read from.
    public let snapshot: ServerSnapshot
    public let root: ServerRoot
    let hook: StepHook

    /// Creates a planner for a snapshot read from `root`; `hook` sees each file read (tests).
    public init(snapshot: ServerSnapshot, root: ServerRoot, hook: StepHook = .none) {
        self.snapshot = snapshot
        self.root = root
        self.hook = hook
    }

    /// The remedy value for a request.
    public static func remedy(for request: RemedyRequest) -> any Remedy {
        switch request {
        case .renameHostname(let name): HostnameRename(name: name)
        case .setGreeting(let key, let name): GreetingEdit(key: key, name: name)
        case .removeGreeting(let key): GreetingEdit(key: key, name: nil)
        case .whitelist(let range): SenderWhitelist(range: range)
        case .removeDomain(let domain): DomainRemoval(domain: domain)
        }
    }

    /// The plan for `request`, or a one-line refusal. `force` accepts what is refused by default
    /// (a bare hosted domain as greeting, an over-broad range, an owned domain).
    public func plan(_ request: RemedyRequest, force: Bool = false) throws(RemedyError) -> Plan {
        var plan = try Self.remedy(for: request).plan(in: PlanningContext(snapshot: snapshot, root: root, force: force, hook: hook))
        plan.request = request
        try validate(plan)
        return plan
    }

    /// Rule 3: a staged lsearch file must not read worse than before (no new invalid, hidden or duplicate lines).
    /// DirectAdmin's whitelist_hosts_ip is a plain host list, not lsearch: its remedy writes it by that rule.
    private func validate(_ plan: Plan) throws(RemedyError) {
        let modes = Dictionary(DomainRemoval.keyFiles(snapshot.platform) + DomainRemoval.keyFiles(.directadmin)
                               + [("/etc/virtual/helo_data", .keyValue)],
                               uniquingKeysWith: { a, _ in a })
        for change in plan.files {
            guard let after = change.after, let mode = modes[change.path] else { continue }
            if let problem = LsearchEdit.newProblems(before: change.before, after: after, file: change.path, mode: mode).first {
                throw RemedyError(.invalidInput, "the new \(change.path) would have a problem: \(problem.message); nothing was written")
            }
        }
    }
}
