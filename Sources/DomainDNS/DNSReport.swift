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
