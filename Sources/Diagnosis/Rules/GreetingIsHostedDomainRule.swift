import MailServer

/// `greeting-is-hosted-domain` (warning): an outgoing greeting is a bare domain hosted here, so the
/// receiver of that domain (which also hosts it, or hosts it now) sees "its own" name and refuses.
struct GreetingIsHostedDomainRule: FindingRule {
    var readsLog: Bool { true }

    func findings(in c: RuleContext) -> [Finding] {
        let bounces = Dictionary(grouping: c.bounceGroups, by: \.helo)
        var out: [Finding] = []
        for g in c.snapshot.greetings where g.helo != c.hostname && c.isHosted(g.helo) {
            out.append(finding(g, bounces[g.helo] ?? [], c))
        }
        return out
    }

    private func finding(_ g: GreetingName, _ bounces: [RejectionGroup], _ c: RuleContext) -> Finding {
        let forWhom = switch g.key {
        case .domain(let d): "mail sent as \(d)"
        case .default: "all mail without its own line"
        case .ip(let ip): "mail sent from \(ip)"
        }
        var explanation = """
            This server greets other servers as \(g.helo) for \(forWhom) (\(g.location)). \(g.helo) is a domain, \
            not a host name: any receiver that also lists \(g.helo) as local (its real mail host, or an old \
            server it moved from) refuses that mail as "Host impersonating".
            """
        if !bounces.isEmpty {
            explanation += " It is happening: \(bounces.reduce(0) { $0 + $1.count }) bounces in the log say so."
        }
        return Finding(rule: .greetingIsHostedDomain, severity: .warning, title: "Outgoing greeting \(g.helo) is a hosted domain",
                       subjects: [.hostName(g.helo), .domain(g.helo)],
                       evidence: [.file(g.location, text: "\(g.key.text): \(g.helo)")] + bounces.map { .log($0) },
                       explanation: explanation,
                       remedies: [RemedyOption(.editGreeting(key: g.key.text),
                                               title: "Greet as a host name (e.g. \(suggested(g.helo, c))) instead of \(g.helo)",
                                               tradeOff: "The name should resolve to the sending IP and match its reverse DNS, or some receivers score the mail as spam.")])
    }

    private func suggested(_ helo: String, _ c: RuleContext) -> String {
        c.hostname.flatMap { c.isHosted($0) ? nil : $0 } ?? "mail.\(helo)"
    }
}
