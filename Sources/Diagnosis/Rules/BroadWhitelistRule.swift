import MailServer

/// `broad-whitelist` (warning): an entry wider than /16 (IPv4) or /48 (IPv6) exempts whole networks.
struct BroadWhitelistRule: FindingRule {
    func findings(in c: RuleContext) -> [Finding] {
        c.snapshot.whitelist.compactMap { e in
            guard e.visibleToExim, let net = e.network, net.prefixLength < (net.address.isIPv6 ? 48 : 16) else { return nil }
            let addresses = net.address.isIPv6 ? "2^\(128 - net.prefixLength)" : "\(1 << (32 - net.prefixLength))"
            let skips = e.bypassesHeloCheck ? "the greeting-forgery checks and more" : "the checks \(e.list) skips"
            return Finding(rule: .broadWhitelist, severity: .warning, title: "\(e.entry) in \(e.list) exempts \(addresses) addresses",
                           subjects: [.file(e.location.file)], evidence: [.file(e.location, text: e.raw)],
                           explanation: "\(e.entry) (\(e.location)) lets \(addresses) addresses skip \(skips). Spam from anywhere in that range gets the same pass. Whitelists should name the few sending hosts.",
                           remedies: [RemedyOption(.advice("Replace \(e.entry) in \(e.location.file) with the sending hosts' own addresses."),
                                                   title: "Narrow \(e.entry) to the hosts that need it", tradeOff: WhitelistRemedy.risk)])
        }
    }
}
