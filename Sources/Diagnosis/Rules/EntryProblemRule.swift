import MailServer

/// `unquoted-ipv6`, `invisible-entry`, `invalid-entry` (warning): lines in the mail lists that Exim
/// reads differently from what the admin meant (BRIEF §4 "Exim's reading rules"). The reader
/// records them as diagnostics; this rule turns each into a finding with its exact fix.
struct EntryProblemRule: FindingRule {
    func findings(in c: RuleContext) -> [Finding] {
        c.snapshot.diagnostics.compactMap { d in
            switch d.problem {
            case .unquotedIPv6: finding(.unquotedIPv6, d, title: "Unquoted IPv6 entry in \(d.location.file)",
                                        explanation: "Exim reads a key up to the first colon, so an IPv6 address without double quotes is silently skipped: this line has no effect.",
                                        fix: "Put the address in double quotes, e.g. \"2001:db8::25\".")
            case .invisibleEntry: finding(.invisibleEntry, d, title: "Indented line in \(d.location.file) is invisible to Exim",
                                          explanation: "A line that starts with white space is a continuation of the line before, never a key of its own: Exim does not see this entry.",
                                          fix: "Remove the leading white space.")
            case .invalidEntry: finding(.invalidEntry, d, title: "Unusable entry in \(d.location.file)",
                                        explanation: "This line is not an address, range or name Exim can use, so it matches nothing.",
                                        fix: "Correct or remove the line.")
            case .afterNameItem: finding(.invisibleEntry, d, title: "Address line in \(d.location.file) is not reached for senders without reverse DNS",
                                         explanation: "In a plain host list, an item that is not an address makes Exim look up the sender's host name; when the sender has no reverse DNS the lookup fails and Exim stops reading the list there.",
                                         fix: "Put every address line above the first non-address line, or remove that line.")
            default: nil
            }
        }
    }

    private func finding(_ rule: RuleID, _ d: Diagnostic, title: String, explanation: String, fix: String) -> Finding {
        Finding(rule: rule, severity: .warning, title: title, subjects: [.file(d.location.file)],
                evidence: [.file(d.location, text: d.text)], explanation: explanation + " " + d.message,
                remedies: [RemedyOption(.advice("\(fix) (\(d.location))"), title: fix, tradeOff: "Once Exim sees the entry it takes effect on the next connection.")])
    }
}

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
