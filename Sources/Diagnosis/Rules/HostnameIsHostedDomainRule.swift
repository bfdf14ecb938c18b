import MailServer

/// `hostname-is-hosted-domain` (critical): the server calls itself by a domain an account hosts
/// (web and mail server share a name). cPanel's set_hostname refuses such a name.
struct HostnameIsHostedDomainRule: FindingRule {
    func findings(in c: RuleContext) -> [Finding] {
        guard let host = c.hostname, let domain = c.domain(host), c.isOwned(host) else { return [] }
        let owner = domain.owner ?? "?"
        let evidence = c.snapshot.hostnameSources.map { Evidence.file($0.location, text: $0.value) }
            + c.evidence(of: domain)
        let explanation = """
            This server's hostname is \(host), which is also a domain of the account \(owner). Any other \
            server that greets this one as \(host) (the site's web server, an app using the domain) is \
            refused as "Host impersonating", because the name is ours. And this server greets others as \
            \(host), so the real mail host of \(host), if it is elsewhere, refuses our mail the same way. \
            cPanel's own rule: the hostname must never be identical to a domain name.
            """
        return [Finding(rule: .hostnameIsHostedDomain, severity: .critical,
                        title: "The hostname \(host) is a hosted domain",
                        subjects: [.hostName(host), .domain(host)], evidence: evidence, explanation: explanation,
                        remedies: [
                            RemedyOption(.renameHostname(current: host), title: "Rename this server to a name of its own (e.g. server1.\(host))",
                                         tradeOff: renameTradeOff(c.platform)),
                        ])]
    }

    private func renameTradeOff(_ platform: Platform) -> String {
        switch platform {
        case .cpanel: "Done with /usr/local/cpanel/bin/set_hostname, which also fixes /etc/hosts and localdomains and restarts Exim. Set the new name's A record and the IP's reverse DNS to match."
        case .directadmin: "Done with /usr/local/directadmin/scripts/hostname.sh. Set the new name's A record and the IP's reverse DNS to match."
        case .exim, .unknown: "Done with hostnamectl set-hostname; update /etc/hosts, /etc/mailname and the reverse DNS to match."
        }
    }
}
