
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
