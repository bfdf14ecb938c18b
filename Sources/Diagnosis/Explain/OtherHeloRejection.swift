import MailServer

/// A HELO rejection that is not about impersonation: the greeting's syntax ("HELO is an IP
/// address", "Invalid HELO name (See RFC2821 4.1.3)", "should be a FQDN"). `explain` names it so
/// that nobody chases a forgery conflict that is not there.
public struct OtherHeloRejection: Sendable, Hashable {
    /// A short rule id (`helo-is-ip`, `helo-syntax`, `helo-not-fqdn`).
    public var rule: String
    /// `cpanel`, `directadmin`, `exim` or `unknown`, from the wording.
    public var platform: String
    /// The setting that refused it on that platform (`acl_requirehelosyntax`, `HELO_IS_IP`, …).
    public var setting: String
    /// The stage the text names, else the platform's usual one.
    public var stage: SMTPStage
    /// `receiver` for the refusing server's own log line, `sender` otherwise.
    public var side: RejectionSide
    /// The refused greeting, when the text names it.
    public var greeting: String?
    /// The client's address, on a receiver's log line.
    public var ip: IPAddress?
    /// What it means, in one sentence.
    public var meaning: String

    /// Reads `line`; `nil` when it holds none of these messages.
    public init?(line: String) {
        let text = Substring(line)
        let stated = LineExplanation.stage(in: text)
        if text.contains("HELO is an IP address (See RFC2821 4.1.3)") {
            (rule, platform, setting) = ("helo-is-ip", "directadmin", "HELO_IS_IP")
            stage = stated ?? .helo
            meaning = "DirectAdmin refuses a bare IP address as the greeting (RFC 2821 4.1.3 wants it in brackets, [192.0.2.1]); this is a syntax rule, not impersonation."
        } else if text.contains("Invalid HELO name (See RFC2821 4.1.3)") {
            rule = "helo-is-ip"
            stage = stated ?? .mail
            platform = stated == .helo ? "exim" : stated == .mail ? "cpanel" : "unknown"
            setting = platform == "cpanel" ? "acl_requirehelosyntax" : "custom ACL"
            meaning = "The receiver refuses a bare IP address as the greeting (RFC 2821 4.1.3 wants an address literal in brackets); this is a syntax rule, not impersonation."
        } else if text.contains("Invalid HELO name (See RFC2821 4.1.1.1)") {
            (rule, platform, setting) = ("helo-syntax", "cpanel", "acl_requirehelosyntax")
            stage = stated ?? .mail
            meaning = "cPanel refuses a greeting without a dot, ending in a dot, or with two dots in a row; this is a syntax rule, not impersonation."
        } else if text.contains("HELO should be a FQDN or address literal") {
            (rule, platform, setting) = ("helo-not-fqdn", "directadmin", "HELO_SHOULD_BE_FQDN")
            stage = stated ?? .rcpt
            meaning = "DirectAdmin refuses, at RCPT, a greeting that is neither a fully qualified name nor an address literal; this is a syntax rule, not impersonation."
        } else {
            return nil
        }
        let parsed = Self.logLine(text)
        greeting = parsed?.greeting
        ip = parsed?.ip
        side = parsed == nil ? .sender : .receiver
    }

    /// `H=(helo) [ip] rejected …` on the receiver's own log line.
    private static func logLine(_ text: Substring) -> (greeting: String?, ip: IPAddress?)? {
        guard let h = text.firstRange(of: "H="), let rejected = text.firstRange(of: " rejected "), h.upperBound < rejected.lowerBound else { return nil }
        let field = text[h.upperBound..<rejected.lowerBound]
        var greeting: String?
        if let open = field.firstIndex(of: "("), let close = field.firstRange(of: ") [") {
            greeting = String(field[field.index(after: open)..<close.lowerBound]).lowercased()
        }
        var ip: IPAddress?
        if let open = field.lastIndex(of: "["), let close = field[open...].firstIndex(of: "]") {
            ip = IPAddress(field[field.index(after: open)..<close])
        }
        return (greeting, ip)
    }
}
