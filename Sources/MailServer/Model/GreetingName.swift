/// What a greeting entry is keyed by.
public enum GreetingKey: Codable, Sendable, Hashable {
    /// cPanel `/etc/mailhelo`: the sender's domain.
    case domain(String)
    /// The `*` default line.
    case `default`
    /// DirectAdmin `/etc/virtual/helo_data`: the sending IP.
    case ip(String)

    /// The key as written in the file (`*` for the default).
    public var text: String {
        switch self {
        case .domain(let d): d
        case .default: "*"
        case .ip(let ip): ip
        }
    }
}

/// An outgoing greeting (HELO/EHLO name) this server uses when it sends mail.
public struct GreetingName: Codable, Sendable, Hashable {
    /// Which mail gets this greeting.
    public var key: GreetingKey
    /// The greeting name (lower-cased).
    public var helo: String
    /// Where it is configured.
    public var location: SourceLocation

    /// Creates a greeting entry.
    public init(key: GreetingKey, helo: String, location: SourceLocation) {
        self.key = key
        self.helo = helo
        self.location = location
    }
}

/// An outgoing IP chosen per sender domain (`/etc/mailips`, `/etc/virtual/domainips`).
public struct OutgoingIP: Codable, Sendable, Hashable {
    /// The sender domain, or `*` for the default.
    public var domain: String
    /// The address.
    public var ip: String
    /// Where it is configured.
    public var location: SourceLocation

    /// Creates an outgoing-IP entry.
    public init(domain: String, ip: String, location: SourceLocation) {
        self.domain = domain
        self.ip = ip
        self.location = location
    }
}
