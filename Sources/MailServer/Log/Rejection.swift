/// Which receiver rule produced an impersonation rejection, told from its wording and stage
/// (docs/findings.md has each platform's exact words).
public enum RejectionRule: String, Codable, Sendable, CaseIterable {
    /// cPanel `"REJECTED - Bad HELO - Host impersonating [NAME]"` at MAIL FROM: `requirehelonold`
    /// when NAME is in /etc/localdomains (the hostname is in that file too); `requirehelonoforge`
    /// cannot fire for a remote sender on the stock ACL (its loopback list holds every local address).
    case cpanelImpersonating = "cpanel-impersonating"
    /// cPanel `"REJECTED - Interface: 192.0.2.2 is _my_ address"` at MAIL FROM.
    case cpanelInterface = "cpanel-interface"
    /// DirectAdmin `Bad HELO - Host impersonating hostname [NAME]` at HELO.
    case directAdminHostname = "directadmin-hostname"
    /// DirectAdmin `Bad HELO - Host impersonating domain name [NAME]` at HELO.
    case directAdminDomain = "directadmin-domain"
    /// The Exim wiki recipe or another custom ACL: the same quoted text as cPanel's, but at HELO
    /// (or unquoted anywhere).
    case eximWiki = "exim-wiki"
    /// `192.0.2.2 is _my_ address`: the wiki recipe (at HELO) or HestiaCP's template (at MAIL FROM).
    case eximInterface = "exim-interface"

    /// The rule once the SMTP stage is known: cPanel runs its HELO checks in the MAIL ACL, so its
    /// wording at the HELO stage comes from a custom HELO ACL (the wiki recipe copies it exactly).
    public func at(stage: SMTPStage) -> RejectionRule {
        switch (self, stage) {
        case (.cpanelImpersonating, .helo): .eximWiki
        case (.cpanelInterface, .helo): .eximInterface
        default: self
        }
    }
}

/// One impersonation rejection seen in a log line.
public struct Rejection: Codable, Sendable, Hashable {
    /// The log's time stamp as written (`2026-11-25 10:00:01`), if any.
    public var time: String?
    /// The sending client's IP (canonical form), if the line names it.
    public var ip: IPAddress?
    /// The greeting name that was refused (lower case).
    public var helo: String
    /// Which rule.
    public var rule: RejectionRule
    /// `mail` or `helo` (the SMTP stage the rejection happened at).
    public var stage: SMTPStage
    /// `receiver` (this server refused) or `sender` (a bounce this server received back).
    public var side: RejectionSide
    /// The log file and line number.
    public var location: SourceLocation
    /// The raw line (cut to 500 characters).
    public var raw: String

    /// Creates a rejection record.
    public init(time: String?, ip: IPAddress?, helo: String, rule: RejectionRule, stage: SMTPStage, side: RejectionSide,
                location: SourceLocation, raw: String) {
        self.time = time
        self.ip = ip
        self.helo = helo
        self.rule = rule
        self.stage = stage
        self.side = side
        self.location = location
        self.raw = raw
    }
}

/// Rejections of one (IP, greeting) pair, with how often and when.
public struct RejectionGroup: Codable, Sendable, Hashable {
    /// The client IP (`nil` when the line did not name one, e.g. a bounce).
    public var ip: IPAddress?
    /// The refused greeting.
    public var helo: String
    /// The rule (of the first occurrence).
    public var rule: RejectionRule
    /// Number of rejections.
    public var count: Int
    /// First time seen.
    public var firstSeen: String?
    /// Last time seen.
    public var lastSeen: String?
    /// Up to a few sample lines, first ones first.
    public var samples: [Rejection]

    /// Creates a group.
    public init(ip: IPAddress?, helo: String, rule: RejectionRule, count: Int, firstSeen: String?, lastSeen: String?, samples: [Rejection]) {
        self.ip = ip
        self.helo = helo
        self.rule = rule
        self.count = count
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.samples = samples
    }
}
