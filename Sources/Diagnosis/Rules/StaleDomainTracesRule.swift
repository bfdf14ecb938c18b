import MailServer

/// `stale-domain-traces` (warning): mailhelo/mailips lines, alias/filter files, zones or named.conf
/// stanzas of a domain that is not hosted here any more; `remove-domain-traces` removes them all.
struct StaleDomainTracesRule: FindingRule {
    /// Kinds that count: the list files themselves make a domain hosted, so they are not traces here.
    static let kinds: Set<DomainTrace.Kind> = [.mailhelo, .mailips, .valiases, .vdomainaliases, .vfilters, .zone, .namedConf, .directadminDomainDir]

    func findings(in c: RuleContext) -> [Finding] {
        var stale: [(domain: String, traces: [DomainTrace])] = []
        for (domain, traces) in c.traces where !c.isHosted(domain) && domain != c.hostname {
            let kept = traces.filter { Self.kinds.contains($0.kind) }
            if !kept.isEmpty { stale.append((domain, kept)) }
        }
        stale.sort { $0.domain < $1.domain }
        // A million mailhelo lines of domains gone: one finding that names them all.
        if stale.count > GroupedFinding.perSubjectLimit { return [grouped(stale)] }
        return stale.map { finding($0.domain, $0.traces, c) }
    }

    private func grouped(_ stale: [(domain: String, traces: [DomainTrace])]) -> Finding {
        let count = CountText.grouped(stale.count)
        var kindSet = Set<String>()
        for (_, traces) in stale { for t in traces { kindSet.insert(t.kind.rawValue) } }
        let kinds = kindSet.sorted().joined(separator: ", ")
        var explanation = """
            \(count) domains are not hosted here (no account, not in the mail lists), yet this server still has \
            their \(kinds) (\(GroupedFinding.listed(stale.lazy.map(\.domain), total: stale.count))). These are \
            leftovers of a migration.
            """
        if kindSet.contains(DomainTrace.Kind.zone.rawValue) || kindSet.contains(DomainTrace.Kind.namedConf.rawValue) {
            explanation += " Local DNS zones answer for some of them on this server with old records."
        }
        if kindSet.contains(DomainTrace.Kind.mailhelo.rawValue) {
            explanation += " Their /etc/mailhelo lines still set the greeting for mail sent as them."
        }
        var evidence: [Evidence] = []
        for (_, traces) in stale where evidence.count < GroupedFinding.evidenceLimit {
            evidence += traces.prefix(GroupedFinding.evidenceLimit - evidence.count).map { .file($0.location, text: $0.kind.rawValue) }
        }
        return Finding(rule: .staleDomainTraces, severity: .warning, title: "Traces of \(count) domains not hosted here remain (\(kinds))",
                       subjects: stale.map { .domain($0.domain) }, evidence: evidence, explanation: explanation,
                       remedies: [RemedyOption(.advice("helofix inspect --format json lists them all (the finding's subjects). Remove each with helofix apply remove-domain-traces DOMAIN."),
                                               title: "Remove the traces of each domain, one by one",
                                               tradeOff: "Safe once a domain is hosted elsewhere; helofix keeps a backup of every file it changes.")])
    }

    private func finding(_ domain: String, _ traces: [DomainTrace], _ c: RuleContext) -> Finding {
        let kinds = traces.map(\.kind.rawValue).uniqued().joined(separator: ", ")
        var explanation = """
            \(domain) is not hosted here (no account, not in the mail lists), yet this server still has its \(kinds). \
            These are leftovers of a migration.
            """
        if traces.contains(where: { $0.kind == .zone || $0.kind == .namedConf }) {
            explanation += " The local DNS zone answers for \(domain) on this server with old records (its SPF and MX too), so mail from here can go to, or be judged by, the old data."
        }
        if traces.contains(where: { $0.kind == .mailhelo }) {
            explanation += " Its /etc/mailhelo line still sets the greeting for mail sent as \(domain)."
        }
        return Finding(rule: .staleDomainTraces, severity: .warning, title: "Traces of \(domain) remain (\(kinds))",
                       subjects: [.domain(domain)], evidence: traces.map { .file($0.location, text: $0.kind.rawValue) },
                       explanation: explanation,
                       remedies: [RemedyOption(.removeDomainTraces(domain), title: "Remove the traces of \(domain)",
                                               tradeOff: "Safe once the domain is hosted elsewhere; helofix keeps a backup of every file it changes.")])
    }
}
