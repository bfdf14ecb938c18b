import MailServer

/// `shared-hostname`: two servers with the same hostname (a cloned VPS kept it), or one server's
/// hostname is a domain another server hosts. Exim greets with the hostname by default, and every
/// server lists its own hostname as local, so each refuses the other's default greeting.
struct SharedHostnameRule: FleetRule {
    func findings(in c: FleetContext) -> [FleetFinding] {
        var out: [FleetFinding] = []
        for hostname in c.byHostname.keys.sorted() {
            let named = c.byHostname[hostname]!
            if named.count > 1 { out.append(same(hostname, named, c)) }
            let hosting = c.servers(localOn: hostname).filter { c.servers[$0].hostname != hostname }
            for i in named where !hosting.isEmpty { out.append(hostedElsewhere(hostname, server: i, hosting: hosting, c)) }
        }
        return out
    }

    private func same(_ hostname: String, _ named: [Int], _ c: FleetContext) -> FleetFinding {
        // The server the others refuse is the one greeting with a name it does not own.
        let refused = named.filter { sender in named.contains { $0 != sender && !c.refusals(on: $0, helo: hostname, from: sender).isEmpty } }
        let fixOn = refused.count == 1 ? refused[0] : nil
        var evidence: [FleetEvidence] = []
        for i in named {
            evidence.append(FleetEvidence(server: c.servers[i].name, evidence: .file(c.servers[i].hostnameSource ?? SourceLocation(file: "/etc/hostname"), text: hostname)))
            evidence += c.evidence(c.refusals(on: i, helo: hostname), on: i)
        }
        let servers = c.names(named)
        return FleetFinding(
            rule: .sharedHostname, severity: evidence.contains { if case .log = $0.evidence { true } else { false } } ? .critical : .warning,
            title: "\(servers.joined(separator: " and ")) share the hostname \(hostname)",
            subjects: [.hostName(hostname)], servers: servers, fixOn: fixOn.map { c.servers[$0].name }, evidence: evidence,
            explanation: "Every server greets with its hostname and lists it as its own, so \(servers.joined(separator: " and ")) refuse each other's "
                + "mail greeting as \(hostname). Give each server a unique hostname"
                + (fixOn.map { "; \(c.servers[$0].name) is the one being refused, so rename it" } ?? "") + ".",
            remedies: (fixOn.map { [$0] } ?? named).map { i in
                FleetRemedy(server: c.servers[i].name, title: "Rename \(c.servers[i].name)'s hostname",
                            tradeOff: "uses the platform's own rename tool; pick a name no server or domain uses",
                            arguments: ["rename-hostname", c.suggestedHostname(for: i)])
            })
    }

    private func hostedElsewhere(_ hostname: String, server i: Int, hosting: [Int], _ c: FleetContext) -> FleetFinding {
        let me = c.servers[i].name
        let refusals = hosting.flatMap { h in c.refusals(on: h, helo: hostname, from: i).map { (h, $0) } }
        var evidence = [FleetEvidence(server: me, evidence: .file(c.servers[i].hostnameSource ?? SourceLocation(file: "/etc/hostname"), text: hostname))]
        for h in hosting {
            if let d = c.domain(hostname, on: h) { evidence += c.evidence(of: d, on: h) }
        }
        evidence += refusals.map { FleetEvidence(server: c.servers[$0.0].name, evidence: .log($0.1)) }
        let others = c.names(hosting)
        return FleetFinding(
            rule: .sharedHostname, severity: refusals.isEmpty ? .warning : .critical,
            title: "\(me)'s hostname \(hostname) is a domain hosted on \(others.joined(separator: " and "))",
            subjects: [.hostName(hostname)], servers: c.names([i] + hosting), fixOn: me, evidence: evidence,
            explanation: "\(me) greets with its hostname \(hostname), which \(others.joined(separator: " and ")) list\(hosting.count == 1 ? "s" : "") "
                + "as a local domain, so \(me)'s mail to \(hosting.count == 1 ? "it" : "them") is refused as impersonation. "
                + "A hostname should never be a domain name; give \(me) a name of its own such as server1.\(hostname).",
            remedies: [FleetRemedy(server: me, title: "Rename \(me)'s hostname",
                                   tradeOff: "uses the platform's own rename tool; the domain stays where it is",
                                   arguments: ["rename-hostname", c.suggestedHostname(for: i)])])
    }
}
