/// The SMTP command a rejection answered (the raw value is the word in JSON and reports).
public enum SMTPStage: String, Codable, Sendable, Hashable {
    /// `EHLO`/`HELO`: DirectAdmin and custom ACLs check the greeting here.
    case helo
    /// `MAIL FROM`: cPanel checks the greeting here.
    case mail
    /// `RCPT TO`.
    case rcpt
}
