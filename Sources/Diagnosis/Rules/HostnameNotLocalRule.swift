import MailServer

/// `hostname-not-local` (info): the hostname is missing from the local-domain list, which the panel
/// normally keeps in it.
struct HostnameNotLocalRule: FindingRule {
    func findings(in c: RuleContext) -> [Finding] {
        guard let host = c.hostname, c.platform == .cpanel || c.platform == .directadmin, !c.isLocal(host) else { return [] }
        let file = c.platform == .cpanel ? "/etc/localdomains" : "/etc/virtual/domains"
        let explanation = """
            \(c.platform.displayName) adds the hostname \(host) to \(file) itself; it is not there. Mail for \
            addresses @\(host) (root, cron reports) is not delivered here, and on \(c.platform.displayName) \
            the local-domain HELO rule does not treat a greeting of \(host) as impersonation (the hostname rule still does).
            """
        let fix = c.platform == .cpanel ? "Run /scripts/updateuserdomains, which rebuilds \(file) with the hostname." : "Add \(host) to \(file) as DirectAdmin does on install."
        return [Finding(rule: .hostnameNotLocal, severity: .info, title: "The hostname \(host) is not in \(file)",
                        subjects: [.hostName(host)], evidence: [.file(SourceLocation(file: file), text: "(no line \(host))")],
                        explanation: explanation,
                        remedies: [RemedyOption(.advice(fix), title: "Put the hostname back in \(file)", tradeOff: "Harmless; the panel expects it there.")])]
    }
}
