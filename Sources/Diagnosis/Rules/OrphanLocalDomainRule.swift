import MailServer

/// `orphan-local-domain` (warning): local here but owned by no account: the leftover a migration
/// leaves on the old server (the most common cause of the rejection). The hostname itself is local without an owner by design.
///
/// Above ``GroupedFinding/perSubjectLimit`` orphans (a whole server's worth moved away, a list of
/// a million lines) one finding names them all.
struct OrphanLocalDomainRule: FindingRule {
    func findings(in c: RuleContext) -> [Finding] {
        // Plain Exim has no accounts, so "owned by nobody" means nothing there.
        guard c.platform == .cpanel || c.platform == .directadmin else { return [] }
        let facts = c.domainFacts
        let orphans = facts.indices.filter { i in
            facts[i].contains(.local) && !facts[i].contains(.owned) && c.snapshot.domains[i].name != c.hostname
        }
        if orphans.count > GroupedFinding.perSubjectLimit { return [grouped(orphans, c)] }
        return orphans.map { finding(c.snapshot.domains[$0], c) }
    }

    /// One finding about every orphan: all of them as subjects, a few named in the text.
    private func grouped(_ orphans: [Int], _ c: RuleContext) -> Finding {
        let domains = c.snapshot.domains
        let count = orphans.count
        let listed = GroupedFinding.listed(orphans.lazy.map { domains[$0].name }, total: count)
        let refused = c.settings.localDomainRule.enabled == true
            ? "With the local-domain HELO rule on here (\(c.settings.localDomainRule.source)), a server that greets as any of them, such as its new host, is refused."
            : "The local-domain HELO rule is \(c.describe(c.settings.localDomainRule)) here, so greetings with them are not refused by this server, but mail this server sends to them is still delivered locally instead of to their real hosts."
        let explanation = """
            \(CountText.grouped(count)) domains are listed as local here, but no account owns them (\(listed)). This is \
            what a migration leaves behind, or a list that an account file no longer matches: this server still \
            believes it hosts them, keeps their mail instead of sending it to their real servers, and treats those \
            servers' greetings as forgery. \(refused)
            """
        var evidence: [Evidence] = []
        for i in orphans.prefix(GroupedFinding.evidenceLimit) { evidence += c.evidence(of: domains[i]) }
        let hint = c.platform == .cpanel
            ? "helofix inspect --format json lists them all (the finding's subjects). Remove each that lives elsewhere now with helofix apply remove-domain-traces DOMAIN, or give them back to their accounts and run /scripts/updateuserdomains."
            : "helofix inspect --format json lists them all (the finding's subjects). Remove each that lives elsewhere now with helofix apply remove-domain-traces DOMAIN, or give them back to their users in DirectAdmin."
        return Finding(rule: .orphanLocalDomain, severity: .warning,
                       title: "\(CountText.grouped(count)) domains are local here but no account owns them",
                       subjects: orphans.map { .domain(domains[$0].name) },
                       evidence: evidence,
                       explanation: explanation,
                       remedies: [
                           RemedyOption(.advice(hint), title: "Remove the traces of the domains that moved away, one by one",
                                        tradeOff: "Check each domain's MX and A records first; a domain whose mail still comes here must stay."),
                       ])
    }

    private func finding(_ d: HostedDomain, _ c: RuleContext) -> Finding {
        let traces = c.traces[d.name] ?? []
        let refused = c.settings.localDomainRule.enabled == true
            ? "With the local-domain HELO rule on here (\(c.settings.localDomainRule.source)), a server that greets as \(d.name), such as its new host, is refused."
            : "The local-domain HELO rule is \(c.describe(c.settings.localDomainRule)) here, so greetings with it are not refused by this server, but mail this server sends to \(d.name) is still delivered locally instead of to its real host."
        let explanation = """
            \(d.name) is listed as local here, but no account owns it. This is what a migration leaves behind: \
            this server still believes it hosts \(d.name), keeps mail for it instead of sending it to the \
            domain's real server, and treats that server's greeting as forgery. \(refused)
            """
        return Finding(rule: .orphanLocalDomain, severity: .warning, title: "\(d.name) is local here but no account owns it",
                       subjects: [.domain(d.name)],
                       evidence: c.evidence(of: d) + traces.map { .file($0.location, text: "\($0.kind.rawValue) of \(d.name)") },
                       explanation: explanation,
                       remedies: [
                           RemedyOption(.removeDomainTraces(d.name), title: "Remove every trace of \(d.name) from this server",
                                        tradeOff: "Right when the domain lives on another server now (check its MX and A records first)."),
                           RemedyOption(.advice(restoreHint(c.platform, d.name)), title: "Or give \(d.name) back to an account",
                                        tradeOff: "Only if the domain should really be hosted here."),
                       ])
    }

    private func restoreHint(_ p: Platform, _ name: String) -> String {
        p == .cpanel
            ? "Add \(name) to the right account (WHM » Modify an Account, or as an addon domain), then run /scripts/updateuserdomains."
            : "Add \(name) to the right user in DirectAdmin so /etc/virtual/domainowners names it."
    }
}
