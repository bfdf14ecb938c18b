import MailServer

/// The stable rule ids (scripts depend on them; issue "Findings").
public enum RuleID: String, Codable, Sendable, CaseIterable {
    case hostnameIsHostedDomain = "hostname-is-hosted-domain"
    case rejectedHeloIsHostname = "rejected-helo-is-hostname"
    case rejectedHeloIsLocalDomain = "rejected-helo-is-local-domain"
    case orphanLocalDomain = "orphan-local-domain"
    case localAndRemoteDomain = "local-and-remote-domain"
    case staleDomainTraces = "stale-domain-traces"
    case greetingIsHostedDomain = "greeting-is-hosted-domain"
    case ineffectiveWhitelist = "ineffective-whitelist"
    case unquotedIPv6 = "unquoted-ipv6"
    case invisibleEntry = "invisible-entry"
    case invalidEntry = "invalid-entry"
    case broadWhitelist = "broad-whitelist"
    case relayWhitelist = "relay-whitelist"
    case mailheloNotPersistent = "mailhelo-not-persistent"
    case staleLock = "stale-lock"
    case hostnameNotLocal = "hostname-not-local"
    case checkDisabled = "check-disabled"
    case domainMovedAway = "domain-moved-away"
}
