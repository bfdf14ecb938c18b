/// A per-domain file or entry that a migration leaves behind on the old server (BRIEF §8).
public struct DomainTrace: Codable, Sendable, Hashable {
    /// Which kind of trace.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case localdomains, remotedomains, secondarymx, userdomains
        case mailhelo, mailips
        case valiases, vdomainaliases, vfilters
        case zone
        case namedConf = "named.conf"
        case directadminDomainDir = "virtual-domain-dir"
    }

    /// The domain (lower case).
    public var domain: String
    /// Which kind of trace.
    public var kind: Kind
    /// The file (a whole per-domain file when `line` is `nil`).
    public var location: SourceLocation

    /// Creates a trace.
    public init(domain: String, kind: Kind, location: SourceLocation) {
        self.domain = domain
        self.kind = kind
        self.location = location
    }
}
