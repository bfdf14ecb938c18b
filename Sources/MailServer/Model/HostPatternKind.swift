
/// What a whitelist line names.
public enum HostPatternKind: String, Codable, Sendable {
    case ipv4, ipv6
    case cidr4 = "cidr-ipv4"
    case cidr6 = "cidr-ipv6"
    case hostname
    case invalid
}
