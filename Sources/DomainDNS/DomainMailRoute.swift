/// What DNS says about where one domain's mail goes, compared with this server's addresses.
public struct DomainMailRoute: Sendable, Hashable, Codable {
    /// The domain.
    public var domain: String
    /// Its MX hosts, lowest preference first; empty when it has none (then ``addresses`` are its A/AAAA).
    public var mx: [MXHost]
    /// Every address its mail can go to.
    public var addresses: [String]
    /// The verdict.
    public var verdict: MailVerdict
    /// The addresses among ``addresses`` that are this server's.
    public var addressesHere: [String]
    /// One sentence: how the verdict was reached, or why there is none.
    public var reason: String

    /// Creates a route.
    public init(domain: String, mx: [MXHost], addresses: [String], verdict: MailVerdict, addressesHere: [String], reason: String) {
        self.domain = domain
        self.mx = mx
        self.addresses = addresses
        self.verdict = verdict
        self.addressesHere = addressesHere
        self.reason = reason
    }

    /// `MX mx.newhost.example -> 203.0.113.9` (the first MX host with addresses), or `A 203.0.113.9`.
    public var summary: String {
        if let host = mx.first(where: { !$0.addresses.isEmpty }) ?? mx.first {
            let alias = host.canonicalName.map { " (CNAME \($0))" } ?? ""
            return "MX \(host.name)\(alias) -> " + (host.addresses.isEmpty ? "no address" : host.addresses.joined(separator: ", "))
        }
        return addresses.isEmpty ? "no MX, no address" : "no MX, A/AAAA " + addresses.joined(separator: ", ")
    }
}
