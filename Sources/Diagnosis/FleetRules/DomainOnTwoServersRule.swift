import MailServer

/// `domain-on-two-servers`: a domain local on two or more servers. Each server delivers its mail to
/// itself and refuses the others' greeting as that domain (the seed's migration case). Which copy
/// is stale, strongest evidence first: the one no account owns when an account owns it elsewhere;
/// failing that, the ones public DNS does not send the domain's mail to (its MX, or its address
/// without MX, is another holder's address); failing that, the one whose log refuses another
/// member's greeting as the domain (it still believes the domain is its own).
struct DomainOnTwoServersRule: FleetRule {
    func findings(in c: FleetContext) -> [FleetFinding] {
        var out: [FleetFinding] = []
        for name in c.shared.keys.sorted() {
            let holders = c.servers(localOn: name)
            // A server's own hostname is listed as local on purpose: that clash is shared-hostname's.
            if holders.contains(where: { c.servers[$0].hostname == name }) { continue }
            out += findings(name, holders, c)
        }
        return out
    }

    private func findings(_ name: String, _ holders: [Int], _ c: FleetContext) -> [FleetFinding] {
        let owners = holders.filter { c.domain(name, on: $0)?.owner != nil }
        let refusing = holders.filter { receiver in
            holders.contains { sender in sender != receiver && !c.refusals(on: receiver, helo: name, from: sender).isEmpty }
        }
        let anyRefusal = holders.contains { !c.refusals(on: $0, helo: name).isEmpty }
        var evidence: [FleetEvidence] = []
        for i in holders {
            if let d = c.domain(name, on: i) { evidence += c.evidence(of: d, on: i) }
            evidence += c.evidence(c.refusals(on: i, helo: name), on: i)
        }
        let servers = c.names(holders)
        let severity: Severity = anyRefusal ? .critical : .warning
        let stale: [Int]
        let why: String
        let mailTo = c.mailRoute(of: name, among: holders)
        if let route = mailTo?.route { evidence.append(FleetEvidence(server: c.servers[mailTo!.asked].name, evidence: .dns(query: "\(name) MX", answer: route.summary))) }
        if owners.count == 1 {
            stale = holders.filter { $0 != owners[0] }
            why = "only \(c.servers[owners[0]].name) has an account that owns \(name)"
        } else if let mailTo, mailTo.receivers.count < holders.count {
            stale = holders.filter { !mailTo.receivers.contains($0) }
            why = mailTo.receivers.isEmpty
                ? "public DNS sends its mail to none of them (\(mailTo.route.summary))"
                : "public DNS sends its mail to \(c.names(mailTo.receivers).joined(separator: " and ")) (\(mailTo.route.summary))"
        } else if !refusing.isEmpty, refusing.count < holders.count {
            stale = refusing
            why = "\(c.names(refusing).joined(separator: " and ")) refuse\(refusing.count == 1 ? "s" : "") the greeting \(name) from another server that lists it"
        } else {
            return [undecided(name, holders, servers, owners: owners, severity: severity, evidence: evidence, c)]
        }
        let keepers = c.names(holders.filter { !stale.contains($0) })
        // DNS can show that the domain moved to a host outside the fleet: every copy is stale then.
        let keeper = keepers.isEmpty ? "the host its DNS names" : keepers.joined(separator: " and ")
        return stale.map { s in
            let staleName = c.servers[s].name
            return FleetFinding(
                rule: .domainOnTwoServers, severity: severity,
                title: "\(name) is local on \(servers.joined(separator: " and ")); the copy on \(staleName) is stale",
                subjects: [.domain(name)], servers: servers, fixOn: staleName, evidence: evidence,
                explanation: "\(name) is listed as a local domain on \(servers.joined(separator: " and ")), but \(why). "
                    + "\(staleName) delivers mail for \(name) to itself instead of to \(keeper), and refuses \(keeper)'s mail greeting as \(name) "
                    + "(\"Host impersonating\"). Remove the leftover on \(staleName); \(keeper) keeps hosting it.",
                remedies: [FleetRemedy(server: staleName, title: "Remove \(name)'s traces from \(staleName)",
                                       tradeOff: "run on \(staleName) only; the plan shows every file it would change before anything is applied",
                                       arguments: ["remove-domain", name])])
        }
    }

    /// Both sides own it (or neither): say so, and give the fix for each side.
    private func undecided(_ name: String, _ holders: [Int], _ servers: [String], owners: [Int], severity: Severity,
                           evidence: [FleetEvidence], _ c: FleetContext) -> FleetFinding {
        let state = owners.isEmpty ? "no account owns it on any of them" : "an account owns it on each of \(c.names(owners).joined(separator: ", "))"
        return FleetFinding(
            rule: .domainOnTwoServers, severity: severity,
            title: "\(name) is local on \(servers.joined(separator: " and ")); which copy is stale is not clear",
            subjects: [.domain(name)], servers: servers, fixOn: nil, evidence: evidence,
            explanation: "\(name) is listed as a local domain on \(servers.joined(separator: ", ")) and \(state), so the files cannot tell which "
                + "server really hosts it. Check where its MX and A records point; on every other server, remove it.",
            remedies: holders.map { i in
                let s = c.servers[i].name
                return FleetRemedy(server: s, title: "If \(name) no longer lives on \(s): remove its traces there",
                                   tradeOff: "only after checking DNS; removing it from the server that really hosts it stops its mail"
                                       + (owners.contains(i) ? " (an account owns it there: the plan needs --force)" : ""),
                                   arguments: ["remove-domain", name] + (owners.contains(i) ? ["--force"] : []))
            })
    }
}
