import MailServer

/// `stale-domain-traces` (warning): mailhelo/mailips lines, alias/filter files, zones or named.conf
/// stanzas of a domain that is not hosted here any more; `remove-domain-traces` removes them all.
struct StaleDomainTracesRule: FindingRule {
    /// Kinds that count: the list files themselves make a domain hosted, so they are not traces here.
    static let kinds: Set<DomainTrace.Kind> = [.mailhelo, .mailips, .valiases, .vdomainaliases, .vfilters, .zone, .namedConf, .directadminDomainDir]

    func findings(in c: RuleContext) -> [Finding] {
        var out: [Finding] = []
        for (domain, traces) in c.traces where !c.isHosted(domain) && domain != c.hostname {
            let stale = traces.filter { Self.kinds.contains($0.kind) }
            guard !stale.isEmpty else { continue }
            out.append(finding(domain, stale, c))
        }
        return out.sorted { $0.subjects[0].text < $1.subjects[0].text }
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
