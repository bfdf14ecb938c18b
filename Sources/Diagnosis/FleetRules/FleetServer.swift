import DomainDNS
import MailServer

/// What the cross-server rules need from one server of a fleet: a small summary kept after its
/// snapshot is dropped, so a thousand servers of a thousand domains each stay within memory.
public struct FleetServer: Sendable {
    /// A local domain and whether an account owns it there.
    public struct LocalDomain: Sendable, Hashable {
        /// Lower-case name.
        public var name: String
        /// The account that owns it (`nil` when none, cPanel's `nobody` included).
        public var owner: String?
        /// Where it is listed as local.
        public var source: SourceLocation?

        /// Creates an entry.
        public init(name: String, owner: String?, source: SourceLocation?) {
            self.name = name
            self.owner = owner
            self.source = source
        }

        /// FNV-1a over the name's UTF-8 bytes: cheap, and spread well enough for host names.
        public static func key(of name: String) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in name.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            return hash
        }
    }

    /// The server's name in the inventory (its directory under DEST).
    public var name: String
    /// Its platform.
    public var platform: Platform
    /// Its primary hostname.
    public var hostname: String?
    /// Where the hostname comes from.
    public var hostnameSource: SourceLocation?
    /// Its own addresses (main IP first).
    public var ips: [IPAddress]
    /// Domains whose mail it delivers to itself, by name.
    public var localDomains: [LocalDomain] { didSet { domainKeys = localDomains.map { LocalDomain.key(of: $0.name) } } }
    /// A 64-bit hash of each local domain's name (``LocalDomain/key(of:)``), computed on the thread
    /// that read the server, so that the fleet index reads one flat array of integers and compares
    /// names only when two keys are equal.
    public private(set) var domainKeys: [UInt64]
    /// Its explicit outgoing greeting entries (`/etc/mailhelo`, `/etc/virtual/helo_data`).
    public var greetings: [GreetingName]
    /// The impersonation rejections it made as receiver.
    public var refusals: [RejectionGroup]
    /// What public DNS said about the mail of the domains looked up for this server (its
    /// findings' domains, or all with `--dns all`), by domain; empty when DNS was not asked.
    public var routes: [String: DomainMailRoute]

    /// Summarises a server read from its snapshot and log scan.
    public init(name: String, snapshot: ServerSnapshot, rejections: [RejectionGroup], routes: [String: DomainMailRoute] = [:]) {
        self.name = name
        platform = snapshot.platform
        hostname = snapshot.hostname
        hostnameSource = snapshot.hostnameSources.first?.location
        ips = snapshot.ips.map(\.address)
        localDomains = snapshot.domains.filter(\.isLocal).map {
            LocalDomain(name: $0.name, owner: $0.owner == "nobody" ? nil : $0.owner, source: $0.sources.first)
        }
        domainKeys = localDomains.map { LocalDomain.key(of: $0.name) }
        greetings = snapshot.greetings
        refusals = rejections.filter { $0.samples.first?.side != .sender }
        // Only answers that name addresses can point at a server; the rest would only take memory.
        self.routes = routes.filter { !$0.value.addresses.isEmpty }
    }

    /// Creates a summary directly (benchmarks, tests).
    public init(name: String, platform: Platform, hostname: String?, ips: [IPAddress], localDomains: [LocalDomain],
                greetings: [GreetingName] = [], refusals: [RejectionGroup] = [], routes: [String: DomainMailRoute] = [:]) {
        self.name = name
        self.platform = platform
        self.hostname = hostname
        self.ips = ips
        self.localDomains = localDomains
        domainKeys = localDomains.map { LocalDomain.key(of: $0.name) }
        self.greetings = greetings
        self.refusals = refusals
        self.routes = routes
    }
}
