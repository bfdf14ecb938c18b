import MailServer

/// `peer-refused`: one of our servers refuses another's greeting and none of the other fleet rules
/// names why (for example the sender greets with a name only the receiver's custom ACL treats as
/// its own). The sender's greeting is where the fix usually belongs.
struct PeerRefusedRule: FleetRule {
    /// (receiver, sender, greeting) triples the other rules already explain.
    let explained: Set<String>

    static func key(receiver: String, sender: String, helo: String) -> String { receiver + "\u{0}" + sender + "\u{0}" + helo }

    func findings(in c: FleetContext) -> [FleetFinding] {
        var out: [FleetFinding] = []
        for (r, receiver) in c.servers.enumerated() {
            for group in receiver.refusals {
                guard let s = c.server(at: group.ip), s != r else { continue }
                let sender = c.servers[s]
                guard !explained.contains(Self.key(receiver: receiver.name, sender: sender.name, helo: group.helo)) else { continue }
                let entry = sender.greetings.first { $0.helo == group.helo }
                let remedy = if let entry, let hostname = sender.hostname, hostname != group.helo {
                    FleetRemedy(server: sender.name, title: "Greet as \(hostname) instead of \(group.helo)",
                                tradeOff: "changes the greeting for all mail \(sender.name) sends with that entry", arguments: ["set-greeting", entry.key.text, hostname])
                } else {
                    FleetRemedy(server: receiver.name, title: "Exempt \(sender.name)'s address \(group.ip?.description ?? "") on \(receiver.name)",
                                tradeOff: "a whitelisted sender that gets compromised can send spam through this exemption",
                                arguments: ["whitelist", group.ip?.description ?? ""])
                }
                out.append(FleetFinding(
                    rule: .peerRefused, severity: .critical,
                    title: "\(receiver.name) refuses \(sender.name)'s greeting \(group.helo)",
                    subjects: [.hostName(group.helo)] + (group.ip.map { [.ip($0)] } ?? []), servers: [receiver.name, sender.name].sorted(),
                    fixOn: remedy.server, evidence: [FleetEvidence(server: receiver.name, evidence: .log(group))],
                    explanation: "\(receiver.name) refused mail from \(sender.name) (\(group.ip?.description ?? "?")) \(group.count) time\(group.count == 1 ? "" : "s") "
                        + "because it greets as \(group.helo). " + (entry != nil ? "The name comes from \(sender.name)'s greeting entry; change it there."
                                                                      : "Exempt \(sender.name) on \(receiver.name), or change what \(sender.name) greets with."),
                    remedies: [remedy]))
            }
        }
        return out
    }
}
