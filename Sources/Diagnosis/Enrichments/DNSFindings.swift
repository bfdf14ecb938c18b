import DomainDNS
import MailServer

/// Turns DNS answers into findings: `domain-moved-away` for a local domain whose mail goes to another
/// server, and the DNS verdict (with its answers as evidence) on the findings about domains and
/// refused senders. Pure: the same report and findings always give the same result.
public enum DNSFindings {
    /// `findings` with DNS evidence and verdicts added, plus the new findings, most severe first.
    public static func apply(_ report: DNSReport, to findings: [Finding], snapshot: ServerSnapshot) -> [Finding] {
        guard report.status == .consulted else { return findings }
        let index = snapshot.domainIndex()
        var out = findings.map { annotate($0, report) }
        for (name, route) in report.routes.sorted(by: { $0.key < $1.key }) where route.verdict == .elsewhere {
            guard let i = index[name], snapshot.domains[i].isLocal, name != snapshot.hostname else { continue }
            out.append(movedAway(snapshot.domains[i], route, report))
        }
        return out.enumerated().sorted {
            $0.element.severity != $1.element.severity ? $0.element.severity < $1.element.severity : $0.offset < $1.offset
        }.map(\.element)
    }

    /// The DNS answers of a route as evidence lines.
    public static func evidence(_ route: DomainMailRoute) -> [Evidence] {
        var lines: [Evidence] = []
        switch route.verdict {
        case .nxdomain: lines.append(.dns(query: "\(route.domain) MX", answer: "NXDOMAIN (no such domain)"))
        case .unknown where route.mx.isEmpty && route.addresses.isEmpty:
            lines.append(.dns(query: "\(route.domain) MX", answer: route.reason))
        default:
            if route.mx.isEmpty { lines.append(.dns(query: "\(route.domain) MX", answer: "no MX record")) }
            for host in route.mx {
                lines.append(.dns(query: "\(route.domain) MX", answer: "\(host.preference) \(host.name)"))
                let alias = host.canonicalName.map { " (CNAME \($0))" } ?? ""
                lines.append(.dns(query: "\(host.name) A/AAAA", answer: (host.addresses.isEmpty ? "no address" : host.addresses.joined(separator: ", ")) + alias))
            }
            if route.mx.isEmpty && !route.addresses.isEmpty {
                lines.append(.dns(query: "\(route.domain) A/AAAA", answer: route.addresses.joined(separator: ", ")))
            }
        }
        lines.append(.dns(query: "verdict", answer: "\(route.verdict.rawValue): \(route.reason)"))
        return lines
    }

    /// The sentence a remove-domain remedy carries about its DNS verdict.
    public static func removalNote(_ route: DomainMailRoute) -> String {
        switch route.verdict {
        case .elsewhere: "Safe to remove here: \(route.summary) (public DNS)."
        case .nxdomain: "Safe to remove here: \(route.domain) no longer exists in DNS (NXDOMAIN)."
        case .here: "WARNING: DNS says mail for \(route.domain) still comes here (\(route.summary)); removing it here bounces that mail."
        case .unknown: "DNS gave no verdict (\(route.reason)) Check its MX before removing it."
        }
    }

    private static func annotate(_ f: Finding, _ report: DNSReport) -> Finding {
        var f = f
        for subject in f.subjects {
            switch subject {
            case .domain(let d):
                guard let route = report.routes[d] else { continue }
                f.evidence += evidence(route)
                if let zone = report.zone(of: d) { f.evidence.append(.dns(query: "\(d) local zone", answer: zone.summary)) }
                f.remedies = f.remedies.map { r in
                    guard case .removeDomainTraces = r.suggestion else { return r }
                    var r = r
                    r.tradeOff = removalNote(route) + " " + r.tradeOff
                    return r
                }
            case .ip(let ip):
                guard let sender = report.sender(ip.description) else { continue }
                f.evidence.append(.dns(query: "\(ip) PTR", answer: sender.summary))
            default: continue
            }
        }
        return f
    }

    private static func movedAway(_ d: HostedDomain, _ route: DomainMailRoute, _ report: DNSReport) -> Finding {
        let owned = d.owner.map { $0 != "nobody" } ?? false
        let files = d.sources.map(\.file).uniqued().joined(separator: ", ")
        let explanation = """
            Public DNS sends mail for \(d.name) to another server (\(route.summary)), but this server still lists \
            \(d.name) as local (\(files)). So Exim here delivers mail that this server's users and scripts send to \
            \(d.name) into local mailboxes instead of to its real host, and treats a server that greets as \(d.name), \
            such as that host, as forging our identity (refused when the local-domain HELO rule is on).
            """
        var remedies: [RemedyOption] = []
        let removal = RemedyOption(.removeDomainTraces(d.name), title: "Remove every trace of \(d.name) from this server",
                                   tradeOff: removalNote(route) + " helofix keeps a backup of every file it changes.")
        if owned {
            remedies.append(RemedyOption(.advice("In cPanel » Email Routing for \(d.name), choose Remote Mail Exchanger; cPanel then moves it from /etc/localdomains to /etc/remotedomains."),
                                         title: "Route \(d.name)'s mail to its MX (the account \(d.owner ?? "") stays)",
                                         tradeOff: "Right when the site stays here but its mail is hosted elsewhere."))
            remedies.append(removal)
        } else {
            remedies.append(removal)
        }
        var evidence = evidence(route)
        if let zone = report.zone(of: d.name) { evidence.append(.dns(query: "\(d.name) local zone", answer: zone.summary)) }
        evidence += d.sources.map { .file($0, text: d.name) }
        return Finding(rule: .domainMovedAway, severity: .critical,
                       title: "\(d.name) is local here but its mail goes to another server (\(route.summary))",
                       subjects: [.domain(d.name)], evidence: evidence, explanation: explanation, remedies: remedies)
    }
}
