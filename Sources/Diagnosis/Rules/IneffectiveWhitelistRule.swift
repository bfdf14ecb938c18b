import MailServer

/// `ineffective-whitelist` (critical): a sender keeps being refused although an admin listed it in a
/// whitelist, because that list is not consulted before the HELO check on this platform, or
/// Exim cannot see the entry (docs/files.md says which lists bypass the check on each platform).
struct IneffectiveWhitelistRule: FindingRule {
    var readsLog: Bool { true }

    func findings(in c: RuleContext) -> [Finding] {
        let index = WhitelistIndex(c.snapshot.whitelist)
        guard !index.isEmpty else { return [] }
        var out: [Finding] = []
        let groups = c.receiverGroups
        // By position: a flood has 10,000 groups, and copying each to look at its address was a
        // retain and release per field, on one core after the scan.
        for i in groups.indices {
            guard let ip = groups[i].ip else { continue }
            let covering = index.entries(covering: ip)
            guard !covering.isEmpty, !covering.contains(where: { exempts($0, from: groups[i].rule) }) else { continue }
            out.append(finding(ip, groups[i], covering, c))
        }
        return out
    }

    /// DirectAdmin's relay_hosts exempts from the local-domain rule only.
    private func exempts(_ e: WhitelistEntry, from rule: RejectionRule) -> Bool {
        if e.bypassesHeloCheck { return true }
        return e.visibleToExim && e.bypass == .localDomainRuleOnly && rule == .directAdminDomain
    }

    private func finding(_ ip: IPAddress, _ g: RejectionGroup, _ entries: [WhitelistEntry], _ c: RuleContext) -> Finding {
        let reasons = entries.map { "\($0.list) (\($0.location)): \(reason($0, c))" }
        let explanation = """
            \(ip) is listed in \(entries.map(\.list).uniqued().joined(separator: ", ")), yet this server refused it \
            \(g.count == 1 ? "once" : "\(g.count) times") for greeting as \(g.helo)\(g.lastSeen.map { ", last at \($0)" } ?? ""). \
            On \(c.platform.displayName) that list does not exempt a sender from the greeting check: \
            \(reasons.joined(separator: "; ")).
            """
        var remedies = [SenderSideRemedies.changeGreeting(helo: g.helo, ip: ip)]
        if let auth = SenderSideRemedies.authenticate(platform: c.platform, settings: c.settings, ip: ip) { remedies.append(auth) }
        remedies.append(WhitelistRemedy.option(for: ip, context: c))
        return Finding(rule: .ineffectiveWhitelist, severity: .critical,
                       title: "\(ip) is whitelisted in \(entries[0].list) but still refused",
                       subjects: [.ip(ip), .hostName(g.helo)],
                       evidence: entries.map { .file($0.location, text: $0.raw) } + [.log(g)],
                       explanation: explanation, remedies: remedies)
    }

    private func reason(_ e: WhitelistEntry, _ c: RuleContext) -> String {
        if !e.visibleToExim {
            if e.list == "whitelist_hosts_ip" {
                return "Exim does not match this line: in this plain host list a quoted address or an \"IP: note\" line is a name pattern, and an address after such a line is not reached for a sender without reverse DNS"
            }
            return "Exim cannot see this entry (\(e.kind == .ipv6 || e.kind == .cidr6 ? "IPv6 keys need double quotes" : "indented or unparsable"))"
        }
        if let why = (WhitelistCatalog.cpanel + WhitelistCatalog.directAdmin(whitelistAccept: c.settings.whitelistHostsIPAccept))
            .first(where: { $0.list == e.list })?.why { return why }
        return "it is consulted only after the greeting check"
    }
}
