/// Which receiver rule produced an impersonation rejection , told from its wording (docs/findings.md, "Log rejections", lists them).
public enum RejectionRule: String, Codable, Sendable, CaseIterable {
    /// cPanel `"REJECTED - Bad HELO - Host impersonating [NAME]"`: `requirehelonoforge` when NAME is
    /// the receiver's hostname, `requirehelonold` when NAME is a local domain.
    case cpanelImpersonating = "cpanel-impersonating"
    /// cPanel `"REJECTED - Interface: IP is _my_ address"`.
    case cpanelInterface = "cpanel-interface"
    /// DirectAdmin `Bad HELO - Host impersonating hostname [NAME]`.
    case directAdminHostname = "directadmin-hostname"
    /// DirectAdmin `Bad HELO - Host impersonating domain name [NAME]`.
    case directAdminDomain = "directadmin-domain"
    /// Exim wiki recipe / custom ACL: `REJECTED - Bad HELO - Host impersonating [NAME]` at HELO.
    case eximWiki = "exim-wiki"
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
