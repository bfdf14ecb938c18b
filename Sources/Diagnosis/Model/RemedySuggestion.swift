import MailServer

/// One of the four fixes helofix can make, or advice for the sending side.
public enum RemedySuggestion: Codable, Sendable, Hashable {
    /// Rename this server's hostname (the platform's way).
    case renameHostname(current: String)
    /// Set, change or remove an outgoing greeting entry (`*` for the default).
    case editGreeting(key: String)
    /// Whitelist a sender IP or range with the mechanism that really bypasses the check.
    case whitelistSender(String)
    /// Remove every trace of a domain that is hosted elsewhere now.
    case removeDomainTraces(String)
    /// Something to change on the sending side (or in a file by hand), in plain words.
    case advice(String)
}
