import MailServer

/// `local-and-remote-domain` (warning): in both `localdomains` and `remotedomains`.
struct LocalAndRemoteDomainRule: FindingRule {
    func findings(in c: RuleContext) -> [Finding] {
        let facts = c.domainFacts
        let both = facts.indices.filter { facts[$0].isSuperset(of: [.local, .remote]) }
        return both.map { i in
            let d = c.snapshot.domains[i]
            let explanation = """
                \(d.name) is in both /etc/localdomains and /etc/remotedomains. cPanel keeps a domain in exactly \
                one: local when this server receives its mail, remote when its MX is elsewhere. Exim checks the \
                local list first, so mail to \(d.name) stays here, and greetings with it count as forgery here.
                """
            return Finding(rule: .localAndRemoteDomain, severity: .warning, title: "\(d.name) is both local and remote",
                           subjects: [.domain(d.name)], evidence: c.evidence(of: d), explanation: explanation,
                           remedies: [RemedyOption(.advice("In cPanel » Email Routing for \(d.name), choose Local or Remote Mail Exchanger to match its MX record; cPanel then rewrites both lists."),
                                                   title: "Set \(d.name)'s email routing to match its MX",
                                                   tradeOff: "Choosing the wrong side sends its mail to the wrong server; check the MX record first.")])
        }
    }
}
