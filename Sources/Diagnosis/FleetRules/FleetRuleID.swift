import MailServer

/// The cross-server rule ids (stable: scripts depend on them).
public enum FleetRuleID: String, Codable, Sendable, CaseIterable {
    /// A domain local on two or more servers.
    case domainOnTwoServers = "domain-on-two-servers"
    /// Two servers share a hostname, or one's hostname is a domain on another.
    case sharedHostname = "shared-hostname"
    /// A server greets as a domain hosted on another server.
    case greetingHostedElsewhere = "greeting-hosted-elsewhere"
    /// Our own servers refusing each other's greeting, for a reason the other rules do not name.
    case peerRefused = "peer-refused"
}
