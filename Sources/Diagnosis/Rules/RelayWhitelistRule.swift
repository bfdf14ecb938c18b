import MailServer

/// `relay-whitelist` (warning): cPanel `alwaysrelay` (and DirectAdmin `relay_hosts`) also let the
/// host relay mail to anywhere through this server.
struct RelayWhitelistRule: FindingRule {
    func findings(in c: RuleContext) -> [Finding] {
        c.snapshot.whitelist.compactMap { e in
            guard e.visibleToExim, e.grantsRelay, e.network != nil else { return nil }
            return Finding(rule: .relayWhitelist, severity: .warning, title: "\(e.entry) may relay through this server (\(e.list))",
                           subjects: [.file(e.location.file)] + (e.network.map { $0.isSingleAddress ? [.ip($0.address)] : [] } ?? []),
                           evidence: [.file(e.location, text: e.raw)],
                           explanation: "\(e.list) exempts \(e.entry) from the greeting check, but it also lets that host send mail to any domain through this server without logging in. If it is compromised, this server relays its spam and gets blacklisted.",
                           remedies: [RemedyOption(.whitelistSender(e.entry), title: "Exempt \(e.entry) with \(WhitelistRemedy.mechanism(c)) instead, then remove it from \(e.list)",
                                                   tradeOff: "Skips the greeting check without granting relaying. " + WhitelistRemedy.risk)])
        }
    }
}
