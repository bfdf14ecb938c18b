
/// Everything helofix knows about one mail server at one moment: immutable, read once from files.
///
/// Produced by ``SnapshotReader``; consumed by the rules (Diagnosis), the plans (Remedy) and the console.
public struct ServerSnapshot: Codable, Sendable {
    /// The directory read as `/` (`/` on a real server).
    public var root: String
    /// The detected platform.
    public var platform: Platform
    /// This server's primary hostname (lower case), `nil` if no file names it.
    public var hostname: String?
    /// Every file that names the hostname, with the value it gives.
    public var hostnameSources: [HostnameSource]
    /// Addresses bound on this server.
    public var ips: [ServerIP]
    /// Domains in any mail list or owned by an account, sorted by name.
    public var domains: [HostedDomain]
    /// Outgoing greeting names.
    public var greetings: [GreetingName]
    /// Outgoing IPs per sender domain.
    public var outgoingIPs: [OutgoingIP]
    /// cPanel: `/var/cpanel/custom_mailhelo` exists, so `/etc/mailhelo` survives `updateuserdomains`.
    public var customMailhelo: Bool
    /// cPanel: `/var/cpanel/custom_mailips` exists.
    public var customMailips: Bool
    /// Every whitelist-like host list entry.
    public var whitelist: [WhitelistEntry]
    /// The HELO rules as configured.
    public var settings: HeloCheckSettings
    /// Per-domain traces (aliases, filters, zones, mailhelo/mailips lines), in the order read.
    ///
    /// Made on each use from a compact list (see ``traces(of:)`` and ``forEachTrace(skippingDomainsAt:_:)``
    /// for the cheap ways in): a big server has 300,000.
    public var traces: [DomainTrace] {
        get { traceList.all }
        set { traceList = TraceList(newValue) }
    }
    /// The traces, most of them compact.
    var traceList: TraceList
    /// Lock files found next to the mail files.
    public var locks: [LockFileInfo]
    /// Files looked at.
    public var files: [FileRecord]
    /// Problems found while reading.
    public var diagnostics: [Diagnostic]

    /// Creates a snapshot; readers build it field by field.
    public init(root: String, platform: Platform) {
        self.root = root
        self.platform = platform
        hostname = nil
        hostnameSources = []
        ips = []
        domains = []
        greetings = []
        outgoingIPs = []
        customMailhelo = false
        customMailips = false
        whitelist = []
        settings = .unknown
        traceList = TraceList()
        locks = []
        files = []
        diagnostics = []
    }

    enum CodingKeys: String, CodingKey {
        case root, platform, hostname, hostnameSources, ips, domains, greetings, outgoingIPs, customMailhelo, customMailips
        case whitelist, settings, traceList = "traces", locks, files, diagnostics
    }

    /// The traces of the domain called `name` (lower case), in the order read.
    public func traces(of name: String) -> [DomainTrace] {
        traceList.traces(of: [name])[name] ?? []
    }

    /// The traces of the domains called `names` (lower case), each domain's in the order read.
    public func traces(of names: Set<String>) -> [String: [DomainTrace]] {
        traceList.traces(of: names)
    }

    /// Calls `body` with each trace in the order read, leaving out (without making them) traces
    /// the reader tied to a position of ``domains`` that `skip` is true for. Traces of other
    /// domains, and every trace once ``domains`` has changed since the read, are all passed on:
    /// `body` still judges what it gets.
    public func forEachTrace(skippingDomainsAt skip: (Int) -> Bool, _ body: (DomainTrace) -> Void) {
        if traceList.refersTo(domains) { traceList.forEach(skippingPositions: skip, body) } else { traceList.forEach(body) }
    }

    /// Index of lower-cased domain names to positions in ``domains``, for O(1) look-ups.
    public func domainIndex() -> [String: Int] {
        var index = [String: Int](minimumCapacity: domains.count)
        for (i, d) in domains.enumerated() { index[d.name] = i }
        return index
    }

    /// The local (delivered-here) domains, lower case.
    public var localDomainNames: Set<String> { Set(domains.lazy.filter(\.isLocal).map(\.name)) }
}
