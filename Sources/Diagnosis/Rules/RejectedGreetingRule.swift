import MailServer

/// `rejected-helo-is-hostname` and `rejected-helo-is-local-domain` (critical): the log shows this
/// server refusing a client whose greeting is our own hostname, or a domain that is local here.
struct RejectedGreetingRule: FindingRule {
    var readsLog: Bool { true }

    func findings(in c: RuleContext) -> [Finding] {
        let ownNames = ownHostNames(c)
        let words = ServerWords(c)
        let groups = c.receiverGroups
        // A flood's 10,000 groups greet with a few thousand names: each name is searched for once
        // among the server's domains (a binary search over 100,000 names misses the cache at
        // almost every step), then found by its hash.
        var positions: [String: Int] = [:]
        var searched = Set<String>()
        for i in groups.indices where searched.insert(groups[i].helo).inserted {
            if let p = c.position(of: groups[i].helo) { positions[groups[i].helo] = p }
        }
        return ConcurrentFindings.map(groups) { [positions] group in
            if group.rule == .cpanelInterface || group.rule == .eximInterface {
                interfaceFinding(group, c, words)
            } else if ownNames.contains(group.helo) {
                hostnameFinding(group, c, words)
            } else if let position = positions[group.helo], c.domainFacts[position].contains(.local) {
                localDomainFinding(group, at: position, c, words)
            } else {
                nil
            }
        }
    }

    /// What every finding on this server says the same way: the rules' names, the whitelist's
    /// mechanism and trade-off. Made once per evaluation, not once per finding: a flood has
    /// 10,000 findings, and these sentences were a good part of their making.
    private struct ServerWords: Sendable {
        let ruleNames: [RejectionRule: String]
        let whitelistMechanism: String
        let whitelistTradeOff: String

        init(_ c: RuleContext) {
            ruleNames = Dictionary(uniqueKeysWithValues: RejectionRule.allCases.map { ($0, RejectedGreetingRule.ruleName($0, c)) })
            whitelistMechanism = WhitelistRemedy.mechanism(c)
            whitelistTradeOff = WhitelistRemedy.tradeOff(c)
        }
    }

    /// The hostname, plus on DirectAdmin every `helo_data` name (`$smtp_active_hostname` per interface IP).
    private func ownHostNames(_ c: RuleContext) -> Set<String> {
        var names = Set(c.hostname.map { [$0] } ?? [])
        if c.platform == .directadmin {
            for g in c.snapshot.greetings { if case .ip = g.key { names.insert(g.helo) } }
        }
        return names
    }

    private func hostnameFinding(_ g: RejectionGroup, _ c: RuleContext, _ words: ServerWords) -> Finding {
        let ip = g.ip.map(FindingWords.address)
        let who = ip.map { "The machine at \($0)" } ?? "A client"
        let explanation = """
            \(who) greeted this server as \(g.helo), this server's own name, and was refused \(times(g)) \
            by \(words.ruleNames[g.rule]!), the anti-spam check against "greeting forgery". Its mail is bounced back \
            to its senders. Another machine is using our name: a clone of this server that kept its hostname, \
            or a web server that was given the same name as the mail server.
            """
        var remedies = [SenderSideRemedies.changeGreeting(helo: g.helo, ipText: ip)]
        if c.isOwned(g.helo) {
            remedies.append(RemedyOption(.renameHostname(current: g.helo), title: "Rename this server so \(g.helo) is only the site's name",
                                         tradeOff: "Needed anyway: the hostname is a hosted domain. Uses the platform's rename tool."))
        }
        exemptions(g, ip, c, words, into: &remedies)
        return ownNameFinding(g, title: "\(ip ?? "A client") greets as our hostname \(g.helo) and is refused",
                              explanation: explanation, remedies: remedies)
    }

    /// cPanel's Interface rule: the client greeted with this server's own address as a literal
    /// (`[192.0.2.10]`), typically an app or a NAT/hairpin setup on the same network.
    private func interfaceFinding(_ g: RejectionGroup, _ c: RuleContext, _ words: ServerWords) -> Finding {
        let ip = g.ip.map(FindingWords.address)
        let who = ip.map { "The machine at \($0)" } ?? "A client"
        let explanation = """
            \(who) greeted this server with \(g.helo), the address it connected to, and was refused \(times(g)) \
            by \(words.ruleNames[g.rule]!). A greeting with our own address claims to be this server. Usual causes: \
            an app or device configured with the server's IP as its greeting, or a NAT/hairpin setup where \
            local mail arrives through the public address.
            """
        var remedies = [SenderSideRemedies.changeGreeting(helo: g.helo, ipText: ip)]
        exemptions(g, ip, c, words, into: &remedies)
        return ownNameFinding(g, title: "\(ip ?? "A client") greets with our own address \(g.helo) and is refused",
                              explanation: explanation, remedies: remedies)
    }

    /// A client refused for greeting with this server's own name or address: both are critical
    /// `rejected-helo-is-hostname` findings about the greeting and the client.
    private func ownNameFinding(_ g: RejectionGroup, title: String, explanation: String, remedies: [RemedyOption]) -> Finding {
        let subjects = [Subject.hostName(g.helo)] + (g.ip.map { [Subject.ip($0)] } ?? [])
        return Finding(rule: .rejectedHeloIsHostname, severity: .critical, title: title,
                       subjects: subjects, evidence: [.log(g)], explanation: explanation, remedies: remedies)
    }

    private func localDomainFinding(_ g: RejectionGroup, at position: Int, _ c: RuleContext, _ words: ServerWords) -> Finding {
        let domain = c.snapshot.domains[position]
        let stale = !c.domainFacts[position].contains(.owned)
        let ip = g.ip.map(FindingWords.address)
        let who = ip.map { FindingWords.joined("The machine at ", $0) } ?? "A client"
        let ruleName = words.ruleNames[g.rule]!
        // Made in one buffer of about the right size: a flood makes 10,000 of these.
        var explanation = who
        explanation.reserveCapacity(ruleName.utf8.count + 4 * g.helo.utf8.count + 520)
        explanation += " greeted this server as "
        explanation += g.helo
        explanation += ", a domain listed as local here, and was refused "
        appendTimes(g, to: &explanation)
        explanation += " by "
        explanation += ruleName
        explanation += ", the anti-spam check against \"greeting forgery\". Its mail is bounced back to its senders."
        if stale {
            explanation += " No account here owns "
            explanation += g.helo
            explanation += ": it most likely moved to another server (probably the one greeting) and its traces stayed behind, as website migrations often leave them."
        } else {
            explanation += " The domain belongs to "
            explanation += domain.owner ?? "an account"
            explanation += " here, so the sender is an app or another server greeting with the customer's domain instead of its own name."
        }
        var remedies: [RemedyOption] = []
        remedies.reserveCapacity(4)
        if stale {
            remedies.append(RemedyOption(.removeDomainTraces(g.helo), title: FindingWords.joined("Remove ", g.helo, "'s traces from this server"),
                                         tradeOff: "Right when the domain is hosted elsewhere now; mail for it is then routed by its MX instead of delivered here."))
        }
        remedies.append(SenderSideRemedies.changeGreeting(helo: g.helo, ipText: ip))
        exemptions(g, ip, c, words, into: &remedies)
        var subjects = [Subject.domain(g.helo)]
        if let address = g.ip { subjects.append(.ip(address)) }
        var evidence: [Evidence] = [.log(g)]
        evidence += c.evidence(of: domain)
        return Finding(rule: .rejectedHeloIsLocalDomain, severity: .critical,
                       title: FindingWords.joined(ip ?? "A client", " greets as the local domain ", g.helo, " and is refused"),
                       subjects: subjects, evidence: evidence, explanation: explanation, remedies: remedies)
    }

    /// The sender-exempting remedies every rejection gets, after the real fixes: authenticate
    /// (where that skips the check) and, last, a whitelist that really bypasses it here.
    private func exemptions(_ g: RejectionGroup, _ ip: String?, _ c: RuleContext, _ words: ServerWords, into options: inout [RemedyOption]) {
        if let auth = SenderSideRemedies.authenticate(platform: c.platform, settings: c.settings, ipText: ip) { options.append(auth) }
        if let ip { options.append(WhitelistRemedy.option(ipText: ip, mechanism: words.whitelistMechanism, tradeOff: words.whitelistTradeOff)) }
    }

    private func times(_ g: RejectionGroup) -> String {
        var text = ""
        appendTimes(g, to: &text)
        return text
    }

    /// "once at T", "N times between T1 and T2", "N times" (no time stamps).
    private func appendTimes(_ g: RejectionGroup, to text: inout String) {
        if g.count == 1 {
            text += "once"
        } else {
            text += String(g.count)
            text += " times"
        }
        // The first of the two stamps present; "between" only when both are there and differ.
        switch (g.firstSeen, g.lastSeen) {
        case let (first?, last?) where first != last:
            text += " between "; text += first; text += " and "; text += last
        case let (first?, _):
            text += " at "; text += first
        case let (nil, last?):
            text += " at "; text += last
        case (nil, nil):
            break
        }
    }

    /// The rule that fired, in the platform's words, with its setting where the platform has one.
    fileprivate static func ruleName(_ rule: RejectionRule, _ c: RuleContext) -> String {
        switch rule {
        case .cpanelImpersonating:
            "cPanel's \"Require remote (domain) HELO\" check at MAIL FROM (acl_requirehelonold, \(c.describe(c.settings.localDomainRule)); it refuses every name in /etc/localdomains, which lists the hostname too; the hostname rule acl_requirehelonoforge exempts every local address and never refuses a remote sender)"
        case .cpanelInterface: "cPanel's Interface rule (the greeting was this server's own address)"
        case .directAdminHostname: "DirectAdmin's HELO_HOST_IMPERSANATION rule at HELO"
        case .directAdminDomain: "DirectAdmin's HELO_IS_LOCAL_DOMAIN rule at HELO"
        case .eximWiki: "a custom Exim ACL (the Exim wiki recipe) at HELO"
        case .eximInterface: "a custom Exim ACL's Interface rule (the wiki recipe at HELO, HestiaCP at MAIL FROM)"
        }
    }
}
