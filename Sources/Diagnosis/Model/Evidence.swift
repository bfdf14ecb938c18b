import MailServer

/// One piece of evidence: a file line, or a group of log lines.
public enum Evidence: Codable, Sendable, Hashable {
    /// A configuration line (or whole file) with its text.
    case file(SourceLocation, text: String)
    /// Log rejections of one (IP, greeting) pair.
    case log(RejectionGroup)
    /// What public DNS answered (`shop.example.com MX` -> `10 mx.newhost.example`).
    case dns(query: String, answer: String)
}
