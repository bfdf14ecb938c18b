import MailServer

/// Everything DNS said in one run: where the looked-up domains' mail goes, the refused senders'
/// names and the local zones against the public answers, plus whether DNS was consulted at all.
public struct DNSReport: Sendable, Hashable {
    /// Whether DNS was asked.
    public enum Status: Sendable, Hashable {
        /// Not asked (`--no-dns`, or nothing to ask); the text says why.
        case notConsulted(String)
        /// Asked and answered (some answers may still be failures).
        case consulted
        /// Asked, and the resolver never answered.
        case noAnswer
    }

    /// Whether DNS was asked.
    public var status: Status
    /// Which server (`127.0.0.53:5353`, or the host's resolver).
    public var resolver: String
    /// The timeout a try and the tries, for the "no answer" sentence.
    public var timeoutSeconds: Int
    public var tries: Int
    /// Routes by domain.
    public var routes: [String: DomainMailRoute]
    /// PTR names of refused senders, in the order of the rejection groups.
    public var senders: [SenderName]
    /// Local zones compared with public DNS.
    public var zones: [ZoneComparison]

    /// A report saying DNS was not consulted, and why.
    public static func notConsulted(_ why: String) -> DNSReport {
        DNSReport(status: .notConsulted(why), resolver: "", timeoutSeconds: 0, tries: 0, routes: [:], senders: [], zones: [])
    }

    /// Creates a report.
    public init(status: Status, resolver: String, timeoutSeconds: Int, tries: Int, routes: [String: DomainMailRoute],
                senders: [SenderName], zones: [ZoneComparison]) {
        self.status = status
        self.resolver = resolver
        self.timeoutSeconds = timeoutSeconds
        self.tries = tries
        self.routes = routes
        self.senders = senders
        self.zones = zones
    }

    /// One line for the admin: consulted where, not consulted and why, or no answer.
    public var statusLine: String {
        switch status {
        case .notConsulted(let why): "DNS was not consulted (\(why))."
        case .consulted: "DNS consulted through \(resolver): \(routes.count) domain\(routes.count == 1 ? "" : "s"), \(senders.count) sender address\(senders.count == 1 ? "" : "es")."
        case .noAnswer: "DNS gave no answer: \(resolver) did not reply within \(timeoutSeconds) s × \(tries) tries; no DNS verdicts."
        }
    }

    /// The zone comparison of `domain`, if it has a local zone.
    public func zone(of domain: String) -> ZoneComparison? { zones.first { $0.domain == domain } }

    /// The PTR of `ip`, if it was looked up.
    public func sender(_ ip: String) -> SenderName? { senders.first { $0.ip == ip } }
}

/// Asks DNS about the given domains and sender addresses: the DNS half of the evidence, without
/// findings (those are Diagnosis's), so anything that reads a server can use it.
public struct DNSLookup: Sendable {
    /// The pool the questions go through (its cache lasts as long as it does).
    public let pool: ResolverPool

    /// Creates a lookup over `pool`.
    public init(pool: ResolverPool) {
        self.pool = pool
    }

    /// Looks up `domains`' mail routes, `senders`' PTRs and the local zones of `zoneDomains`.
    public func run(domains: [String], senders: [IPAddress], zoneDomains: [String], server: ServerAddresses,
                    root: ServerRoot, stop: (@Sendable () -> Bool)? = nil) -> DNSReport {
        let settings = pool.settings
        if domains.isEmpty && senders.isEmpty {
            return .notConsulted("no domain or sender to look up")
        }
        let routes = MailRouteLookup(pool: pool, server: server).routes(for: domains, stop: stop)
        let names = SenderName.lookUp(senders, pool: pool, stop: stop)
        let zones = ZoneComparison.compare(zoneDomains, root: root, pool: pool, stop: stop)
        let stats = pool.statistics
        return DNSReport(status: !stats.answeredAny && stats.timedOut > 0 ? .noAnswer : .consulted,
                         resolver: settings.serverDescription, timeoutSeconds: settings.timeoutSeconds, tries: settings.tries,
                         routes: routes, senders: names, zones: zones)
    }
}
