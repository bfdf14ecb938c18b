import MailServer

/// What a pasted bounce or log line says: which receiver and rule refused whom, and (given the
/// receiving server's snapshot) which finding there causes it.
public struct LineExplanation: Sendable {
    /// The rule, told from the wording.
    public var rule: RejectionRule
    /// The greeting name that was refused (`nil` for cPanel's Interface rule when the line names none).
    public var name: String?
    /// The sending client's address, when the line is the receiver's own log line.
    public var ip: IPAddress?
    /// `receiver` (this is the refusing server's log line) or `sender` (a bounce or client error).
    public var side: RejectionSide
    /// `mail`, `helo` or `rcpt`: from the log line's "rejected MAIL"/"rejected EHLO or HELO" or the
    /// bounce's "after MAIL FROM"/"after HELO", else the rule's usual stage.
    public var stage: SMTPStage
    /// Whether the text itself names the stage (a bare pasted message does not).
    public var stageKnown: Bool
    /// The receiving platform in words ("cPanel/WHM", "DirectAdmin", "Exim (custom ACL)").
    public var receiver: String
    /// The rule in the platform's words and what triggers it.
    public var ruleDescription: String
    /// Findings on the receiving server that explain this line (empty without a snapshot).
    public var findings: [Finding]

    /// Reads `line`; `nil` when it holds no impersonation rejection.
    public init?(line: String) {
        let text = Substring(line)
        guard let message = RejectionMessage.find(in: text) else { return nil }
        let parsed = RejectionLineParser.parse(text, location: SourceLocation(file: "(pasted line)", line: 1))
        let stated = parsed?.stage ?? Self.stage(in: text)
        stageKnown = stated != nil
        stage = stated ?? message.rule.usualStage
        rule = stated.map { message.rule.at(stage: $0) } ?? message.rule
        name = message.name ?? parsed?.helo
        ip = parsed?.ip
        side = parsed?.side ?? .sender
        receiver = Self.receiver(of: rule)
        ruleDescription = Self.describe(rule, name: name)
        findings = []
    }

    /// The receiving platform, by wording and stage: cPanel's quoted text at MAIL FROM is cPanel,
    /// the same text at HELO a custom ACL; without a stage the quoted text could be either.
    public var platform: String {
        switch rule {
        case .directAdminHostname, .directAdminDomain: "directadmin"
        case .cpanelInterface: "cpanel"
        case .cpanelImpersonating: stageKnown ? "cpanel" : "unknown"
        case .eximWiki, .eximInterface: "exim"
        }
    }

    /// Looks for the causes on the receiving server: the findings that name this greeting or IP.
    public mutating func attach(receiver snapshot: ServerSnapshot) {
        guard let name else { return }
        let time: String? = nil
        let rejection = Rejection(time: time, ip: ip, helo: name, rule: rule, stage: stage, side: .receiver,
                                  location: SourceLocation(file: "(pasted line)", line: 1), raw: "")
        let group = RejectionGroup(ip: ip, helo: name, rule: rule, count: 1, firstSeen: nil, lastSeen: nil, samples: [rejection])
        let subjects: Set<String> = Set([name] + (ip.map { [$0.description] } ?? []))
        findings = FindingEngine().evaluate(snapshot, rejections: [group]).filter { f in
            f.severity != .info && f.subjects.contains { subjects.contains($0.text) }
        }
        if rule == .cpanelImpersonating, snapshot.platform == .cpanel {
            ruleDescription = Self.cpanelRule(name: name, snapshot: snapshot)
        }
    }

    /// The stage a bounce or client error names: "after [pipelined ]MAIL FROM", "after HELO", or
    /// the bare "rejected MAIL"/"rejected EHLO or HELO" of a log line it could not otherwise read.
    static func stage(in text: Substring) -> SMTPStage? {
        if let r = text.firstRange(of: " after ") {
            var s = text[r.upperBound...]
            if s.hasPrefix("pipelined ") { s = s.dropFirst("pipelined ".count) }
            if s.hasPrefix("MAIL FROM") { return .mail }
            if s.hasPrefix("HELO") || s.hasPrefix("EHLO") { return .helo }
            if s.hasPrefix("RCPT") { return .rcpt }
        }
        if text.contains("rejected MAIL") { return .mail }
        if text.contains("rejected EHLO or HELO") || text.contains("rejected HELO") || text.contains("rejected EHLO") { return .helo }
        if text.contains("rejected RCPT") { return .rcpt }
        return nil
    }

    static func receiver(of rule: RejectionRule) -> String {
        switch rule {
        case .cpanelImpersonating, .cpanelInterface: "cPanel/WHM"
        case .directAdminHostname, .directAdminDomain: "DirectAdmin"
        case .eximWiki, .eximInterface: "Exim with a custom ACL (the Exim wiki recipe, HestiaCP)"
        }
    }

    static func describe(_ rule: RejectionRule, name: String?) -> String {
        let n = name ?? "the name"
        switch rule {
        case .cpanelImpersonating:
            return "cPanel's greeting-forgery check at MAIL FROM (or, if the receiver is not cPanel, a custom ACL with the same words): on a stock cPanel server it is \"Require remote (domain) HELO\" (acl_requirehelonold, off by default) with \(n) in the receiver's /etc/localdomains, which also lists the receiver's own hostname. The hostname rule (acl_requirehelonoforge) exempts every local interface address, so it never refuses a remote sender on the stock ACL. Run explain with --root on the receiving server to see its settings."
        case .cpanelInterface:
            return "cPanel's Interface rule at MAIL FROM: the client greeted with the receiver's own IP address in brackets."
        case .directAdminHostname:
            return "DirectAdmin's HELO_HOST_IMPERSANATION at HELO: \(n) is the receiver's hostname (or its helo_data name for that IP); exact, case-sensitive."
        case .directAdminDomain:
            return "DirectAdmin's HELO_IS_LOCAL_DOMAIN at HELO: \(n) is in the receiver's /etc/virtual/domains."
        case .eximInterface:
            return "a custom ACL's Interface rule (the Exim wiki recipe at HELO, HestiaCP's template at MAIL FROM): the client greeted with the receiver's own IP address in brackets."
        case .eximWiki:
            return "a custom ACL at HELO (the Exim wiki's AclHeloTricks recipe): \(n) matches the receiver's hostname or one of its local_domains."
        }
    }

    /// On the cPanel receiver itself: which of the two rules it was.
    static func cpanelRule(name: String, snapshot: ServerSnapshot) -> String {
        if name == snapshot.hostname {
            return "cPanel's \"Require remote (hostname/IP address) HELO\" (acl_requirehelonoforge, \(state(snapshot.settings.hostnameRule))): \(name) is this server's hostname."
        }
        if snapshot.localDomainNames.contains(name) {
            return "cPanel's \"Require remote (domain) HELO\" (acl_requirehelonold, \(state(snapshot.settings.localDomainRule))): \(name) is in /etc/localdomains here."
        }
        return "cPanel's greeting-forgery check, but \(name) is neither this server's hostname nor in its /etc/localdomains now: either another server refused it, or the conflict has been fixed since."
    }

    private static func state(_ s: RuleSetting) -> String {
        switch s.enabled { case true?: "on, \(s.source)"; case false?: "off, \(s.source)"; case nil: "unknown" }
    }
}
