
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
