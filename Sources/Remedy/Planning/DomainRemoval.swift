import MailServer

/// Removes every trace a migration left of a domain that now lives on another server (the fix for
/// the most common cause of the rejection), all in one transaction: its lines in the mail lists and greeting/IP
/// files, its per-domain alias and filter files, its zone file and its `named.conf` stanza.
public struct DomainRemoval: Remedy {
    /// The domain.
    public var domain: String

    /// Creates the remedy.
    public init(domain: String) { self.domain = domain }

    /// Key files per platform, with how Exim reads them.
    static func keyFiles(_ platform: Platform) -> [(String, LsearchParser.Mode)] {
        switch platform {
        case .directadmin:
            [("/etc/virtual/domains", .list), ("/etc/virtual/domainowners", .keyValue), ("/etc/virtual/domainips", .keyValue)]
        default:
            [("/etc/localdomains", .list), ("/etc/remotedomains", .list), ("/etc/secondarymx", .list),
             ("/etc/mailhelo", .keyValue), ("/etc/mailips", .keyValue),
             ("/etc/userdomains", .keyValue), ("/etc/trueuserdomains", .keyValue)]
        }
    }

    public func plan(in context: PlanningContext) throws(RemedyError) -> Plan {
        try InputRules.hostName(domain, what: "domain")
        let snapshot = context.snapshot
        if domain == snapshot.hostname {
            throw RemedyError(.invalidInput, "\(domain) is this server's hostname; rename the server first (helofix plan rename-hostname NEW)")
        }
        if let owner = snapshot.domains.first(where: { $0.name == domain })?.owner, !context.force {
            throw RemedyError(.invalidInput, "\(domain) is still owned by the account \(owner) here; remove or move the account with the panel (WHM » Terminate Account) instead, or use --force to remove only the mail traces")
        }
        var files: [FileChange] = []
        for (path, mode) in Self.keyFiles(snapshot.platform) {
            guard let change = try lineRemoval(path, mode: mode, context) else { continue }
            files.append(change)
        }
        for path in wholeFiles(snapshot) {
            if let change = try context.change(path, to: nil) { files.append(change) }
        }
        for path in namedConfs(snapshot) {
            let (before, _) = try context.current(path)
            guard let before else { continue }
            if let change = try context.change(path, to: LsearchEdit.removingZone(domain, from: before)) { files.append(change) }
        }
        let (dirFiles, dirs) = try domainDirectory(context)
        files += dirFiles
        guard !files.isEmpty else {
            throw RemedyError(.notApplicable, "no trace of \(domain) found on this server; nothing to remove")
        }
        var followUps = ["Check that \(domain)'s MX and A records point at the new server."]
        if snapshot.platform == .cpanel {
            followUps.insert("/etc/userdomains and /etc/trueuserdomains are caches: run /scripts/updateuserdomains afterwards; if it brings \(domain) back, an account on this server still lists it in /var/cpanel/users.", at: 0)
            followUps.append("Reload the DNS server (rndc reload) so it stops answering for \(domain).")
        }
        return Plan(request: .removeDomain(domain), title: "Remove every trace of \(domain) from this server",
                    explanation: "This server still treats \(domain) as its own, so it rejects the new server's greeting \"\(domain)\" as impersonation. Exim reads these files per connection: the rejection stops with the next connection, no restart.",
                    files: files.sorted { $0.path < $1.path }, removeDirectories: dirs, followUps: followUps)
    }

    private func lineRemoval(_ path: String, mode: LsearchParser.Mode, _ context: PlanningContext) throws(RemedyError) -> FileChange? {
        let (before, _) = try context.current(path)
        guard let before else { return nil }
        let after = LsearchEdit.removing(domain, from: before, mode: mode)
        if after == before { return nil }
        let isDomainList = path == "/etc/localdomains" || path == "/etc/virtual/domains"
        if isDomainList && !LsearchEdit.hasKeys(after) && !context.force {
            throw RemedyError(.invalidInput, "removing \(domain) would leave \(path) empty, and Exim would then accept no mail at all here; check the file (or use --force)")
        }
        return try context.change(path, to: after)
    }

    /// Per-domain files: from the snapshot's traces, plus the platform's usual places.
    private func wholeFiles(_ snapshot: ServerSnapshot) -> [String] {
        var paths = Set(snapshot.traces(of: domain).filter {
            $0.location.line == nil && [.valiases, .vdomainaliases, .vfilters, .zone].contains($0.kind)
        }.map(\.location.file))
        for dir in ["/etc/valiases", "/etc/vdomainaliases", "/etc/vfilters"] where snapshot.platform == .cpanel {
            paths.insert("\(dir)/\(domain)")
        }
        paths.insert("/var/named/\(domain).db")
        if snapshot.platform == .directadmin { paths.insert("/etc/bind/\(domain).db") }
        return paths.sorted()
    }

    private func namedConfs(_ snapshot: ServerSnapshot) -> [String] {
        Set(snapshot.traces(of: domain).filter { $0.kind == .namedConf }.map(\.location.file)).sorted()
    }

    /// DirectAdmin's `/etc/virtual/DOMAIN/`: its files are removed one by one, then the directory.
    private func domainDirectory(_ context: PlanningContext) throws(RemedyError) -> ([FileChange], [DirectoryChange]) {
        guard context.snapshot.platform == .directadmin else { return ([], []) }
        let dir = "/etc/virtual/\(domain)"
        guard let status = context.root.status(dir), status.isDirectory else { return ([], []) }
        var files: [FileChange] = []
        for name in (context.root.list(dir) ?? []).sorted() {
            let path = "\(dir)/\(name)"
            if context.root.isDirectory(path) {
                throw RemedyError(.notApplicable, "\(path) is a directory; helofix removes only files there: move it away first, then plan again")
            }
            if let change = try context.change(path, to: nil) { files.append(change) }
        }
        return (files, [DirectoryChange(path: dir, mode: status.permissions, uid: status.uid, gid: status.gid)])
    }
}
