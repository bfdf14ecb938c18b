/// Where a domain's mail goes, by its public DNS.
public enum MailVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    /// An MX host (or, without MX, the domain's own address) is an address of this server.
    case here
    /// Its mail goes to addresses that are not this server's.
    case elsewhere
    /// The domain does not exist in DNS (NXDOMAIN).
    case nxdomain
    /// DNS gave no usable answer (timeout, SERVFAIL), or this server's addresses are unknown: said, never guessed.
    case unknown
}
