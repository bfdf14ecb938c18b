import DomainDNS
import MailServer

/// The fleet's DNS step: asks public DNS where the mail of each domain goes that two or more
/// servers list as local when ownership cannot tell the stale copy (an account owns it on each
/// side, or on none) and no server's own analysis asked already. `domain-on-two-servers` then reads
/// the answer: the holders whose addresses the domain's MX (or address) names keep it.
public struct FleetMailRoutes: Sendable {
    /// The resolver pool shared with the servers' own DNS evidence (one cache, one bound).
    public let pool: ResolverPool

    /// Creates the step over `pool`.
    public init(pool: ResolverPool) {
        self.pool = pool
    }

    /// The domains that need an answer: shared, undecided by ownership, not yet looked up.
    public static func domainsToAsk(_ servers: [FleetServer]) -> [(domain: String, holder: Int)] {
        let context = FleetContext(servers)
        return context.shared.keys.sorted().compactMap { name in
            let holders = context.servers(localOn: name)
            guard !holders.contains(where: { servers[$0].hostname == name }),
                  holders.filter({ context.domain(name, on: $0)?.owner != nil }).count != 1,
                  context.mailRoute(of: name, among: holders) == nil else { return nil }
            return (name, holders[0])
        }
    }

    /// Adds the answers to the first holder of each domain (its addresses decide the verdict's
    /// wording; the rule compares the answer's addresses with every holder's).
    public func complete(_ servers: inout [FleetServer], stop: (@Sendable () -> Bool)? = nil) {
        let wanted = Self.domainsToAsk(servers)
        guard !wanted.isEmpty else { return }
        for (holder, domains) in Dictionary(grouping: wanted, by: \.holder) {
            let server = ServerAddresses(addresses: Set(servers[holder].ips))
            let routes = MailRouteLookup(pool: pool, server: server).routes(for: domains.map(\.domain), stop: stop)
            for (name, route) in routes where !route.addresses.isEmpty { servers[holder].routes[name] = route }
        }
    }
}
