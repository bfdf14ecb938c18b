import MailServer

/// `greeting-hosted-elsewhere`: server A's outgoing greeting entry names a domain that is local on
/// server B but not on A, so B refuses A's mail as impersonation. The fix is A's greeting.
struct GreetingHostedElsewhereRule: FleetRule {
    func findings(in c: FleetContext) -> [FleetFinding] {
        var out: [FleetFinding] = []
        for (a, server) in c.servers.enumerated() {
            for greeting in server.greetings {
                let hosts = c.servers(localOn: greeting.helo)
                // Local on A too: both list it, which is domain-on-two-servers' case, fixed on the stale side.
                guard !hosts.isEmpty, !hosts.contains(a) else { continue }
                out.append(finding(greeting, sender: a, receivers: hosts, c))
            }
        }
        return out
    }

    private func finding(_ g: GreetingName, sender a: Int, receivers: [Int], _ c: FleetContext) -> FleetFinding {
        let me = c.servers[a].name
        let others = c.names(receivers)
        let refusals = receivers.flatMap { b in c.refusals(on: b, helo: g.helo, from: a).map { (b, $0) } }
        var evidence = [FleetEvidence(server: me, evidence: .file(g.location, text: "\(g.key.text): \(g.helo)"))]
        for b in receivers { if let d = c.domain(g.helo, on: b) { evidence += c.evidence(of: d, on: b) } }
        evidence += refusals.map { FleetEvidence(server: c.servers[$0.0].name, evidence: .log($0.1)) }
        let hostname = c.servers[a].hostname
        // The hostname is a safe greeting only when no other server lists it as local.
        let remedy = if let hostname, c.servers(localOn: hostname).allSatisfy({ $0 == a }) {
            FleetRemedy(server: me, title: "Greet as \(hostname) instead of \(g.helo)",
                        tradeOff: "the receiving servers no longer see one of their own domains", arguments: ["set-greeting", g.key.text, hostname])
        } else {
            FleetRemedy(server: me, title: "Remove the greeting entry \(g.key.text)",
                        tradeOff: "\(me) then greets with its default name", arguments: ["remove-greeting", g.key.text])
        }
        return FleetFinding(
            rule: .greetingHostedElsewhere, severity: refusals.isEmpty ? .warning : .critical,
            title: "\(me) greets as \(g.helo), a domain hosted on \(others.joined(separator: " and "))",
            subjects: [.hostName(g.helo)], servers: c.names([a] + receivers), fixOn: me, evidence: evidence,
            explanation: "\(me)'s greeting entry \(g.key.text) in \(g.location.file) names \(g.helo), which \(others.joined(separator: " and ")) "
                + "list\(receivers.count == 1 ? "s" : "") as a local domain and \(me) does not host. "
                + (refusals.isEmpty ? "Its mail to \(receivers.count == 1 ? "that server" : "them") will be refused as impersonation when the local-domain check is on."
                                    : "Its mail is being refused as impersonation (\(refusals.reduce(0) { $0 + $1.1.count }) refusals in the log).")
                + " Change the greeting on \(me).",
            remedies: [remedy])
    }
}
