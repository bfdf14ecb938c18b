import MailServer

/// What every rule reads: the snapshot, the grouped rejections, and look-up tables built once, so
/// each rule is a single pass even with 100,000 domains.
struct RuleContext {
    let snapshot: ServerSnapshot
    let rejections: [RejectionGroup]
    /// Domains by lower-case name.
    let domains: [String: HostedDomain]
    /// Per-domain traces by domain.
    let traces: [String: [DomainTrace]]

    init(_ snapshot: ServerSnapshot, rejections: [RejectionGroup]) {
        self.snapshot = snapshot
        self.rejections = rejections
        var domains = [String: HostedDomain](minimumCapacity: snapshot.domains.count)
        for d in snapshot.domains { domains[d.name] = d }
        self.domains = domains
        self.traces = Dictionary(grouping: snapshot.traces, by: \.domain)
    }

    var hostname: String? { snapshot.hostname }
    var platform: Platform { snapshot.platform }
    var settings: HeloCheckSettings { snapshot.settings }

    /// Mail for it is delivered here.
    func isLocal(_ name: String) -> Bool { domains[name]?.isLocal ?? false }

    /// An account owns it (cPanel's `nobody` placeholder does not count).
    func isOwned(_ name: String) -> Bool {
        guard let owner = domains[name]?.owner else { return false }
        return owner != "nobody"
    }

    /// Hosted here in any sense: local, in a mail list, or owned by an account.
    func isHosted(_ name: String) -> Bool {
        guard let d = domains[name] else { return false }
        return !d.lists.isEmpty || isOwned(name)
    }

    /// The rejections this server made itself (not bounces of its own mail).
    var receiverGroups: [RejectionGroup] {
        rejections.filter { $0.samples.first?.side != "sender" }
    }

    /// `on`/`off`/`unknown` and where that comes from, for explanations.
    func describe(_ setting: RuleSetting) -> String {
        let state = switch setting.enabled { case true?: "on"; case false?: "off"; case nil: "unknown" }
        return "\(state) (\(setting.source))"
    }

    /// Sources of a domain as evidence.
    func evidence(of domain: HostedDomain) -> [Evidence] {
        domain.sources.map { .file($0, text: domain.name) }
    }
}

/// One rule: a stable id and the findings it produces from the context.
protocol FindingRule: Sendable {
    func findings(in context: RuleContext) -> [Finding]
}
