import MailServer

/// What every rule reads: the snapshot, the grouped rejections, and look-up tables built once, so
/// each rule is a single pass even with 100,000 domains.
struct RuleContext: Sendable {
    let snapshot: ServerSnapshot
    var rejections: [RejectionGroup]
    /// Positions in `snapshot.domains` by lower-case name (an index, not copies: 100,000 domains).
    private let domainIndex: DomainPositions
    /// Traces by domain, only of the domains the rules report on: those not hosted here, and
    /// local ones no account owns. (Grouping all 300,000 traces of a big server is wasted work.)
    let traces: [String: [DomainTrace]]
    /// Per position in `snapshot.domains`: local, remote, owned.
    let domainFacts: [DomainFacts]

    init(_ snapshot: ServerSnapshot, rejections: [RejectionGroup]) {
        self.snapshot = snapshot
        self.rejections = rejections
        let index = DomainPositions(snapshot.domains)
        domainIndex = index
        let facts = DomainFacts.of(snapshot.domains)
        domainFacts = facts
        var traces: [String: [DomainTrace]] = [:]
        // The traces of owned domains are left out without being made (most of a big server's
        // 300,000); the others are judged one by one, reading only the fields needed.
        snapshot.domains.withUnsafeBufferPointer { domains in
            snapshot.forEachTrace(skippingDomainsAt: { facts[$0].contains(.owned) }) { trace in
                // The reader's position hint spares a look-up per trace; the name check keeps
                // a changed snapshot (a moved or removed domain) correct. Shared strings compare at once.
                let hint = trace.domainPosition
                let position = hint.flatMap { $0 < domains.count && domains[$0].name == trace.domain ? $0 : nil }
                    ?? index.position(of: trace.domain)
                if let position, facts[position].contains(.owned) { return }
                traces[trace.domain, default: []].append(trace)
            }
        }
        self.traces = traces
    }

    /// The domain called `name`, if the server knows it.
    func domain(_ name: String) -> HostedDomain? {
        domainIndex.position(of: name).map { snapshot.domains[$0] }
    }

    var hostname: String? { snapshot.hostname }
    var platform: Platform { snapshot.platform }
    var settings: HeloCheckSettings { snapshot.settings }

    /// Mail for it is delivered here.
    func isLocal(_ name: String) -> Bool { has(.local, name) }

    /// An account owns it (cPanel's `nobody` placeholder does not count).
    func isOwned(_ name: String) -> Bool { has(.owned, name) }

    /// Whether the domain called `name` is known and has `fact`.
    private func has(_ fact: DomainFacts, _ name: String) -> Bool {
        domainIndex.position(of: name).map { domainFacts[$0].contains(fact) } ?? false
    }

    /// Where the domain called `name` is in `snapshot.domains`, for a rule that asks several
    /// things of one name: one search instead of one per question (a flood's 10,000 groups).
    func position(of name: String) -> Int? { domainIndex.position(of: name) }

    /// `owner` is a real account.
    static func hasOwner(_ owner: String?) -> Bool {
        guard let owner else { return false }
        return owner != "nobody"
    }

    /// Hosted here in any sense: local, in a mail list, or owned by an account.
    func isHosted(_ name: String) -> Bool {
        guard let p = domainIndex.position(of: name) else { return false }
        return !snapshot.domains[p].lists.isEmpty || domainFacts[p].contains(.owned)
    }

    /// The rejections this server made itself (not bounces of its own mail).
    var receiverGroups: [RejectionGroup] {
        // Usually all of them: then the array itself, not a copy of 10,000 groups (a retain and
        // release per field each, which is what looping over them or `filter` costs).
        rejections.withUnsafeBufferPointer { g in
            let bounces = g.indices.filter { Self.isBounce(g, $0) }
            return bounces.isEmpty ? rejections : g.indices.compactMap { Self.isBounce(g, $0) ? nil : g[$0] }
        }
    }

    /// The bounces of this server's own mail that came back refused by their receivers.
    var bounceGroups: [RejectionGroup] {
        rejections.withUnsafeBufferPointer { g in g.indices.compactMap { Self.isBounce(g, $0) ? g[$0] : nil } }
    }

    /// Whether group `i` is a bounce, reading only its first sample's side, in place.
    private static func isBounce(_ groups: UnsafeBufferPointer<RejectionGroup>, _ i: Int) -> Bool {
        !groups[i].samples.isEmpty && groups[i].samples[0].side == .sender
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
