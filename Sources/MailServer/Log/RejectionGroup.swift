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
