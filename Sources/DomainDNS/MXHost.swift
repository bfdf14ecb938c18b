/// One MX host of a domain with the addresses it resolves to.
public struct MXHost: Sendable, Hashable, Codable {
    /// The MX target (lower case, no final dot).
    public var name: String
    /// Its preference (lower is tried first).
    public var preference: Int
    /// Where a CNAME led, when the target is an alias.
    public var canonicalName: String?
    /// Its A and AAAA addresses.
    public var addresses: [String]

    /// Creates an MX host.
    public init(name: String, preference: Int, canonicalName: String? = nil, addresses: [String] = []) {
        self.name = name
        self.preference = preference
        self.canonicalName = canonicalName
        self.addresses = addresses
    }
}
