
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
