
/// A domain the server knows about, with the lists it is in and the account that owns it.
public struct HostedDomain: Codable, Sendable, Hashable {
    /// Lower-cased domain name.
    public var name: String
    /// The lists it appears in, in a fixed order.
    public var lists: [DomainList]
    /// The owning account, or `nil` when no account claims it (a migration leftover).
    public var owner: String?
    /// Where it was found (one location per list entry).
    public var sources: [SourceLocation]

    /// Creates a domain.
    public init(name: String, lists: [DomainList] = [], owner: String? = nil, sources: [SourceLocation] = []) {
        self.name = name
        self.lists = lists
        self.owner = owner
        self.sources = sources
    }

    /// Records that the domain is in `list` at `location`.
    public mutating func add(_ list: DomainList, at location: SourceLocation) {
        if !lists.contains(list) { lists.append(list) }
        sources.append(location)
    }

    /// Sets the owner unless one is known already (the first source wins).
    public mutating func claim(by account: String) {
        if owner == nil { owner = account }
    }

    /// Whether mail for it is delivered here, so a greeting with it counts as impersonation.
    public var isLocal: Bool { lists.contains(.local) }
}
