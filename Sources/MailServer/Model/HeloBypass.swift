
/// How far a list exempts a sender from the greeting-forgery checks on this platform (per list in
/// docs/files.md).
public enum HeloBypass: String, Codable, Sendable {
    /// Accepted before every HELO check runs.
    case all
    /// Exempts only from the local-domain rule (DirectAdmin `relay_hosts`).
    case localDomainRuleOnly = "local-domain-rule-only"
    /// Consulted later in the session (RCPT/DATA/connect): does not help against this rejection.
    case none
    /// Depends on the installed exim.conf, which could not be read.
    case unknown
}
