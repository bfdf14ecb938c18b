import DomainDNS
import MailServer

/// The DNS step of an analysis: asks public DNS where the domains of the findings (or, with
/// `--dns all`, every local domain) really get their mail, who the refused senders are, and whether
/// local zones still match; then adds `domain-moved-away` findings and the DNS verdict to the
/// findings it concerns. One entry point, ``run(snapshot:findings:rejections:)``.
public struct DNSEnrichment: Sendable {
    /// Whether and how widely to ask.
    public let options: DNSOptions
    /// The resolver pool (its cache lasts as long as it does; the console keeps one per session).
    public let pool: ResolverPool

    /// At most this many refused sender addresses get a PTR question (the most frequent first).
    public static let senderLimit = 256
    /// At most this many domains of findings get questions (the first by name): a list of a million
    /// orphan lines must not turn into three million DNS questions. `--dns all` is the admin's own
    /// request and is not cut.
    public static let findingDomainLimit = 256

    /// Creates the step; a pool is made from `options` unless one is given.
    public init(options: DNSOptions, pool: ResolverPool? = nil) {
        self.options = options
        self.pool = pool ?? ResolverPool(settings: options.settings)
    }

    /// What the step produced.
    public struct Output: Sendable {
        /// What DNS said (or why it was not asked).
        public var report: DNSReport
        /// The findings given, with DNS evidence added, plus the new `domain-moved-away` ones, most severe first.
        public var findings: [Finding]
        /// Domains of findings left unasked beyond ``findingDomainLimit`` (0 when all were asked).
        public var unasked: Int = 0
    }

    /// Asks DNS and returns the report and the enriched findings. Without DNS (`--no-dns`) the
    /// findings come back unchanged with a report that says DNS was not consulted.
    /// `stop` is polled between questions (cancellation): questions not sent come back "cancelled".
    public func run(snapshot: ServerSnapshot, findings: [Finding], rejections: [RejectionGroup],
                    stop: (@Sendable () -> Bool)? = nil) -> Output {
        guard options.enabled else {
            return Output(report: .notConsulted("--no-dns"), findings: findings)
        }
        // Incomplete data gives no findings, so it gives no DNS verdicts either (a domain missing
        // from an unreadable list is not "moved away").
        guard snapshot.incompleteSummary == nil else {
            return Output(report: .notConsulted("the server's data is incomplete"), findings: findings)
        }
        let wanted = Self.domainsToLookUp(snapshot: snapshot, findings: findings, scope: options.scope)
        let domains = options.scope == .all ? wanted : Array(wanted.prefix(Self.findingDomainLimit))
        let senders = Self.senderAddresses(rejections)
        let report = DNSLookup(pool: pool).run(domains: domains, senders: senders, zoneFiles: LocalZone.files(of: domains, in: snapshot),
                                               server: ServerAddresses(snapshot: snapshot), root: ServerRoot(snapshot.root), stop: stop)
        return Output(report: report, findings: DNSFindings.apply(report, to: findings, snapshot: snapshot),
                      unasked: wanted.count - domains.count)
    }

    /// The rules whose domains are worth a DNS question: the ones a "remove this domain" decision rests on.
    static let domainRules: Set<RuleID> = [.orphanLocalDomain, .staleDomainTraces, .rejectedHeloIsLocalDomain, .localAndRemoteDomain]

    /// The domains to look up, sorted: those of the findings above, and with `.all` every local domain (not the hostname).
    public static func domainsToLookUp(snapshot: ServerSnapshot, findings: [Finding], scope: DNSOptions.Scope) -> [String] {
        var names = Set<String>()
        for f in findings where domainRules.contains(f.rule) {
            for case .domain(let d) in f.subjects { names.insert(d) }
        }
        if scope == .all {
            for d in snapshot.domains where d.isLocal && d.name != snapshot.hostname { names.insert(d.name) }
        }
        return names.sorted()
    }

    /// The addresses this server refused (receiver side), most frequent first, at most ``senderLimit``.
    static func senderAddresses(_ rejections: [RejectionGroup]) -> [IPAddress] {
        var seen = Set<IPAddress>()
        var out: [IPAddress] = []
        for g in rejections.sorted(by: { $0.count > $1.count }) where g.samples.first?.side != .sender {
            guard let ip = g.ip, seen.insert(ip).inserted else { continue }
            out.append(ip)
            if out.count == senderLimit { break }
        }
        return out
    }
}
