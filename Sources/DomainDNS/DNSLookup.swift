import MailServer

/// Asks DNS about the given domains and sender addresses: the DNS half of the evidence, without
/// findings (those are Diagnosis's), so anything that reads a server can use it.
public struct DNSLookup: Sendable {
    /// The pool the questions go through (its cache lasts as long as it does).
    public let pool: ResolverPool

    /// Creates a lookup over `pool`.
    public init(pool: ResolverPool) {
        self.pool = pool
    }

    /// Looks up `domains`' mail routes, `senders`' PTRs and compares the local zones (`zoneFiles`: domain -> file).
    public func run(domains: [String], senders: [IPAddress], zoneFiles: [String: String], server: ServerAddresses,
                    root: ServerRoot, stop: (@Sendable () -> Bool)? = nil) -> DNSReport {
        let settings = pool.settings
        if domains.isEmpty && senders.isEmpty {
            return .notConsulted("no domain or sender to look up")
        }
        let routes = MailRouteLookup(pool: pool, server: server).routes(for: domains, stop: stop)
        let names = SenderName.lookUp(senders, pool: pool, stop: stop)
        let zones = ZoneComparison.compare(zoneFiles, root: root, pool: pool, stop: stop)
        let stats = pool.statistics
        return DNSReport(status: !stats.answeredAny && stats.timedOut > 0 ? .noAnswer : .consulted,
                         resolver: settings.serverDescription, timeoutSeconds: settings.timeoutSeconds, tries: settings.tries,
                         routes: routes, senders: names, zones: zones)
    }
}
