/// A change an admin asks for, in the admin's words; the ``Planner`` turns it into a ``Plan``.
public enum RemedyRequest: Sendable, Hashable, Codable {
    /// Give this server a new primary hostname, the platform's way (`set_hostname`, `hostname.sh`, `hostnamectl`).
    case renameHostname(String)
    /// Set or change the outgoing greeting for a sender domain (cPanel), a sending IP (DirectAdmin) or `*`.
    case setGreeting(key: String, name: String)
    /// Remove the outgoing greeting for a sender domain, a sending IP or `*`.
    case removeGreeting(key: String)
    /// Exempt a sender IP or range from the greeting-forgery check with the list that really bypasses it here.
    case whitelist(String)
    /// Remove every trace a migration left of a domain that is no longer hosted here.
    case removeDomain(String)

    /// The remedy's name in the catalog (``RemedyKind``): `rename-hostname`, `edit-greeting`, …
    public var name: String { kind.rawValue }

    /// The arguments as an admin typed them.
    public var arguments: [String] {
        switch self {
        case .renameHostname(let n): [n]
        case .setGreeting(let k, let n): [k, n]
        case .removeGreeting(let k): [k]
        case .whitelist(let r): [r]
        case .removeDomain(let d): [d]
        }
    }

    /// `name args…`, for history and audit lines.
    public var summary: String { ([name] + arguments).joined(separator: " ") }
}
