import Diagnosis
import MailServer

/// Exempts a sender IP or range from the greeting-forgery check with the mechanism that really
/// runs before it on this platform (docs/files.md): cPanel, an `accept hosts = <; IP` line in the
/// `custom_begin_mail` ACL slot plus `/scripts/buildeximconf`; DirectAdmin,
/// `/etc/virtual/whitelist_hosts_ip`, only when the installed exim.conf accepts that list in
/// `acl_check_helo`. Lists consulted later (skipsmtpcheckhosts, trustedmailhosts) do not help.
public struct SenderWhitelist: Remedy {
    /// The address or CIDR range.
    public var range: String

    /// Creates the remedy.
    public init(range: String) { self.range = range }

    /// What the plan warns of: the risk every whitelist carries, and what to prefer.
    static let risk = "Every message from this sender skips the greeting check. " + WhitelistRemedy.risk
        + " Prefer fixing the sender's greeting; remove this entry once it is fixed."

    public func plan(in context: PlanningContext) throws(RemedyError) -> Plan {
        let net = try InputRules.network(range)
        let minimum = net.address.isIPv6 ? 48 : 16
        if net.prefixLength < minimum && !context.force {
            throw RemedyError(.invalidInput, "\(range) is wider than /\(minimum) and would exempt \(net.address.isIPv6 ? "a huge IPv6 block" : "more than 65 536 addresses"); whitelist the sender's own address (or use --force)")
        }
        if let covering = context.snapshot.whitelist.first(where: { $0.bypassesHeloCheck && ($0.network.map { covers($0, net) } ?? false) }) {
            throw RemedyError(.notApplicable, "\(range) is already exempt through \(covering.list) (\(covering.location)); nothing to change")
        }
        let entry = net.isSingleAddress ? net.address.description : net.description
        switch context.snapshot.platform {
        case .cpanel: return try cpanelPlan(context, entry: entry)
        case .directadmin: return try directAdminPlan(context, entry: entry, ipv6: net.address.isIPv6)
        case .exim, .unknown:
            throw RemedyError(.notApplicable, "plain Exim has no panel whitelist; add \"accept hosts = <; \(entry)\" before the HELO checks in your own ACL")
        }
    }

    private func covers(_ outer: IPNetwork, _ inner: IPNetwork) -> Bool {
        outer.prefixLength <= inner.prefixLength && outer.contains(inner.address)
    }

    private func cpanelPlan(_ context: PlanningContext, entry: String) throws(RemedyError) -> Plan {
        let path = WhitelistCatalog.cpanelCustomBeginMail
        let (before, _) = try context.current(path)
        // `<;` makes `;` the list separator, so an IPv6 address's colons need no doubling.
        let after = LsearchEdit.appending("accept hosts = <; \(entry)", to: before ?? [])
        guard let change = try context.change(path, to: after, newFileMode: 0o644) else {
            throw RemedyError(.notApplicable, "\(entry) is already in \(path)")
        }
        let rebuild = PlatformCommand(program: PlatformProgram.cpanelBuildEximConf, arguments: [],
                                      why: "cPanel copies custom ACLs into /etc/exim.conf only when it rebuilds the configuration",
                                      undo: [PlatformCommandStep(program: PlatformProgram.cpanelBuildEximConf, arguments: [])],
                                      touches: ["/etc/exim.conf"])
        return Plan(request: .whitelist(range), title: "Accept \(entry) before the greeting checks (custom_begin_mail)",
                    explanation: "cPanel runs the custom_begin_mail ACL before requirehelonoforge/requirehelonold, so mail from \(entry) is accepted before the \"Host impersonating\" check.",
                    risk: Self.risk, createDirectories: context.missingDirectories(for: path), files: [change], commands: [rebuild],
                    followUps: ["Check in WHM » Exim Configuration Manager » Advanced Editor that the custom_begin_mail ACL block is enabled; \"Reset configuration\" disables custom ACLs, so re-check after a reset.",
                                "Test with: helofix verify --ip \(entry.split(separator: "/").first ?? "") --helo <the sender's greeting>"])
    }

    private func directAdminPlan(_ context: PlanningContext, entry: String, ipv6: Bool) throws(RemedyError) -> Plan {
        switch context.snapshot.settings.whitelistHostsIPAccept {
        case true?: break
        case false?:
            throw RemedyError(.notApplicable, "this server's /etc/exim.conf has no \"accept hosts = +whitelist_hosts_ip\" in acl_check_helo (SpamBlocker 4.4 or older), so /etc/virtual/whitelist_hosts_ip would not help; update exim.conf with CustomBuild (./build exim_conf) first")
        case nil:
            throw RemedyError(.notApplicable, "cannot tell whether /etc/exim.conf accepts +whitelist_hosts_ip before the HELO checks (the file is unreadable); fix that first")
        }
        let path = "/etc/virtual/whitelist_hosts_ip"
        let (before, _) = try context.current(path)
        // net-iplsearch skips unquoted IPv6 keys silently.
        let line = ipv6 ? "\"\(entry)\"" : entry
        guard let change = try context.change(path, to: LsearchEdit.appending(line, to: before ?? []), newFileMode: 0o600, group: "mail") else {
            throw RemedyError(.notApplicable, "\(entry) is already in \(path)")
        }
        return Plan(request: .whitelist(range), title: "Accept \(entry) before the greeting checks (whitelist_hosts_ip)",
                    explanation: "DirectAdmin's acl_check_helo accepts +whitelist_hosts_ip before the impersonation denies; Exim reads the file for each connection, no restart.",
                    risk: Self.risk, files: [change],
                    followUps: ["Test with: helofix verify --ip \(entry.split(separator: "/").first ?? "") --helo <the sender's greeting>"])
    }
}
