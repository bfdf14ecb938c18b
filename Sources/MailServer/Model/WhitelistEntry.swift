/// What a whitelist line names.
public enum HostPatternKind: String, Codable, Sendable {
    case ipv4, ipv6
    case cidr4 = "cidr-ipv4"
    case cidr6 = "cidr-ipv6"
    case hostname
    case invalid
}

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

/// One line of a host list that admins use to exempt senders ("whitelist" in the admin's words).
public struct WhitelistEntry: Codable, Sendable, Hashable {
    /// The entry without quotes or comments (`198.51.100.25`, `2001:db8::/32`, `mx.example.net`).
    public var entry: String
    /// The list's short name (`alwaysrelay`, `skipsmtpcheckhosts`, `whitelist_hosts_ip`, …).
    public var list: String
    /// Where it is.
    public var location: SourceLocation
    /// The raw line.
    public var raw: String
    /// What it names.
    public var kind: HostPatternKind
    /// Whether and how far this list bypasses the HELO forgery check here.
    public var bypass: HeloBypass
    /// The parsed range for address entries (single addresses are full-length ranges).
    public var network: IPNetwork?
    /// Whether Exim can see the entry at all (not indented, IPv6 quoted, parsable).
    public var visibleToExim: Bool
    /// The list grants relaying too (cPanel `alwaysrelay`).
    public var grantsRelay: Bool

    /// Creates an entry.
    public init(entry: String, list: String, location: SourceLocation, raw: String, kind: HostPatternKind,
                bypass: HeloBypass, network: IPNetwork?, visibleToExim: Bool, grantsRelay: Bool = false) {
        self.entry = entry
        self.list = list
        self.location = location
        self.raw = raw
        self.kind = kind
        self.bypass = bypass
        self.network = network
        self.visibleToExim = visibleToExim
        self.grantsRelay = grantsRelay
    }

    /// `true` only when the entry is visible and the list is accepted before every HELO check.
    public var bypassesHeloCheck: Bool { visibleToExim && bypass == .all }

    /// Whether the entry covers `ip`.
    public func covers(_ ip: IPAddress) -> Bool { network?.contains(ip) ?? false }
}
