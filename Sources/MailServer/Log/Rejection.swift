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
