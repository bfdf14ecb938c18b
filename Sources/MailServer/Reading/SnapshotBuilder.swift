/// Accumulates a snapshot while the platform readers run; shared parts live here.
struct SnapshotBuilder {
    let root: ServerRoot
    let processes: any ProcessProbe
    var snapshot: ServerSnapshot
    var domains = DomainTable()
    /// Whether plain files may skip the general parsers (``PlainDomainLines``, ``AccountFiles``).
    var fastPaths = true
    /// Account names, one `String` per account however many domains it owns.
    var accounts = AccountNames()
    /// The domains' order, found on another core while the rest is read (``DomainTable/sortingNames()``).
    var presorted: SideTask<[Int]>?

    init(root: ServerRoot, platform: Platform, processes: any ProcessProbe) {
        self.root = root
        self.processes = processes
        snapshot = ServerSnapshot(root: root.path, platform: platform)
    }

    /// Reads and parses an lsearch file, recording it; `nil` when absent or unreadable.
    mutating func lsearch(_ path: String, mode: LsearchParser.Mode) -> LsearchFile? {
        guard let bytes = bytes(path) else { return nil }
        return lsearch(path, bytes, mode: mode)
    }

    /// Parses the bytes of an lsearch file already recorded.
    mutating func lsearch(_ path: String, _ bytes: [UInt8], mode: LsearchParser.Mode) -> LsearchFile {
        let parsed = LsearchParser.parse(bytes, file: path, mode: mode)
        snapshot.diagnostics += parsed.diagnostics
        return parsed
    }

    /// Reads a file's bytes, recording it as present or absent; unreadable files become diagnostics.
    /// The value of a one-value file (see ``SingleValueFile``), noting what was odd about it.
    mutating func singleValue(_ path: String) -> String? {
        guard let bytes = bytes(path) else { return nil }
        let reading = SingleValueFile.read(bytes, file: path)
        snapshot.diagnostics += reading.oddities
        return reading.value
    }

    mutating func bytes(_ path: String) -> [UInt8]? {
        record(path, root.read(path))
    }

    /// Records a file read earlier (perhaps on another thread) as ``bytes(_:)`` does, in the order
    /// the readers reach it, so `files` and `diagnostics` come out as from a serial read.
    mutating func record(_ path: String, _ read: FileRead) -> [UInt8]? {
        switch read {
        case .missing:
            snapshot.files.append(FileRecord(path: path, present: false))
            return nil
        case .failed(let diagnostic):
            snapshot.files.append(FileRecord(path: path, present: true))
            snapshot.diagnostics.append(diagnostic)
            return nil
        case .content(let bytes, let status):
            snapshot.files.append(FileRecord(path: path, present: true, size: status.size, mtime: status.mtime))
            return bytes
        }
    }

    /// Adds every key of a domain list (`localdomains`, `remotedomains`, …).
    mutating func readDomainList(_ path: String, as list: DomainList) {
        guard let bytes = bytes(path) else { return }
        if fastPaths, readPlainDomainList(path, bytes, as: list) { return }
        let parsed = lsearch(path, bytes, mode: .list)
        domains.reserve(parsed.entries.count)
        for entry in parsed.entries where entry.visible && entry.key != "*" {
            let name = entry.key.foldedForLookup
            if !HostName.isValid(name) {
                snapshot.diagnostics.append(Diagnostic(.invalidEntry, at: .init(file: path, line: entry.line), text: entry.raw,
                    message: "\"\(entry.key)\" in \(path) is not a valid domain name; correct or remove line \(entry.line)"))
                continue
            }
            // Mutated in place: one hash and no copy of the domain per line.
            domains.update(name) { $0.add(list, at: SourceLocation(file: path, line: entry.line)) }
        }
    }

    /// Records `domain → owner` from a `domain: user` file.
    mutating func readOwners(_ path: String) {
        readOwners(path, root.read(path), plain: fastPaths ? .scan : nil)
    }

    /// ``readOwners(_:)`` on a file read earlier (perhaps on another thread, with its plain
    /// shape, ``PlainDomainLines/owners(_:)``, found there too: `.found`), recorded here in order.
    /// `plain` is `nil` when the file takes the general parser.
    mutating func readOwners(_ path: String, _ read: FileRead, plain: PlainOwners?) {
        guard let bytes = record(path, read) else { return }
        switch plain {
        case .scan?: if readPlainOwners(path, bytes) { return }
        case .found(let lines)?: return applyPlainOwners(path, bytes, lines)
        case nil: break
        }
        let parsed = lsearch(path, bytes, mode: .keyValue)
        for entry in parsed.entries where entry.visible && entry.key != "*" && !entry.value.isEmpty {
            setOwner(entry.key.foldedForLookup, Self.firstWord(entry.value))
        }
    }

    /// The account in a `domain: user` value: its first space-separated word (on bytes for ASCII).
    static func firstWord(_ value: String) -> String {
        guard !value.utf8.contains(where: { $0 >= 0x80 }) else { return value.split(separator: " ").first.map(String.init) ?? value }
        guard let space = value.utf8.firstIndex(of: UInt8(ascii: " ")) else { return value }
        return String(value[..<space])
    }

    mutating func setOwner(_ name: String, _ owner: String) {
        domains.update(name) { $0.claim(by: owner) }
    }

    /// Reads the hostname from `/etc/hostname` and the platform's own files, noting disagreements.
    mutating func readHostname(extra: [HostnameSource]) {
        var sources: [HostnameSource] = []
        let file = SharedFiles().hostname.path
        if let name = singleValue(file) {
            sources.append(HostnameSource(location: .init(file: file, line: 1), value: name.lowercased()))
        }
        sources += extra
        snapshot.hostnameSources = sources
        // Exim's primary_hostname comes from uname(), which /etc/hostname sets; a panel's own file is the fallback.
        snapshot.hostname = sources.first?.value
        let distinct = Set(sources.map(\.value))
        if distinct.count > 1, let first = sources.first {
            for other in sources.dropFirst() where other.value != first.value {
                snapshot.diagnostics.append(Diagnostic(.hostnameMismatch, at: other.location, text: other.value,
                    message: "\(other.location.file) names the host \(other.value) but \(first.location.file) says \(first.value); rename with the platform's tool so all files agree"))
            }
        }
    }

    /// Reads a greeting file keyed by domain (`/etc/mailhelo`) or by IP (`/etc/virtual/helo_data`).
    mutating func readGreetings(_ path: String, keyedByIP: Bool) {
        guard let parsed = lsearch(path, mode: .keyValue) else { return }
        for entry in parsed.entries where entry.visible {
            let location = SourceLocation(file: path, line: entry.line)
            let helo = entry.value.lowercased()
            let key: GreetingKey
            if entry.key == "*" {
                key = .default
            } else if keyedByIP {
                guard let ip = IPAddress(entry.key) else {
                    snapshot.diagnostics.append(Diagnostic(entry.unquotedToken.contains(":") && IPAddress(entry.unquotedToken.trimmingCharacters(in: ":")) != nil ? .unquotedIPv6 : .invalidEntry,
                        at: location, text: entry.raw,
                        message: "\"\(entry.unquotedToken)\" in \(path) is not a usable IP key (IPv6 keys need double quotes); correct line \(entry.line)"))
                    continue
                }
                key = .ip(ip.description)
            } else {
                key = .domain(entry.key.lowercased())
            }
            guard !helo.isEmpty, HostName.isValid(helo) else {
                snapshot.diagnostics.append(Diagnostic(.invalidEntry, at: location, text: entry.raw,
                    message: "the greeting \"\(entry.value)\" at line \(entry.line) of \(path) is not a host name; give a name like mail.example.com"))
                continue
            }
            snapshot.greetings.append(GreetingName(key: key, helo: helo, location: location))
            if case .domain(let d) = key { snapshot.traceList.append(DomainTrace(domain: d, kind: .mailhelo, location: location)) }
        }
    }

    /// Reads an outgoing-IP file (`/etc/mailips`, `/etc/virtual/domainips`).
    mutating func readOutgoingIPs(_ path: String) {
        guard let parsed = lsearch(path, mode: .keyValue) else { return }
        for entry in parsed.entries where entry.visible {
            let location = SourceLocation(file: path, line: entry.line)
            let domain = entry.key.lowercased()
            snapshot.outgoingIPs.append(OutgoingIP(domain: domain, ip: entry.value, location: location))
            if domain != "*" { snapshot.traceList.append(DomainTrace(domain: domain, kind: .mailips, location: location)) }
        }
    }

    /// Reads one host list with its meaning on this platform.
    mutating func readHostList(_ source: WhitelistSource) {
        let interpreter = HostListInterpreter(list: source.list, file: source.file, acceptsNames: source.acceptsNames,
                                              bypass: source.bypass, grantsRelay: source.grantsRelay)
        let entries: [WhitelistEntry], diagnostics: [Diagnostic]
        if source.plainHostList {
            guard let bytes = bytes(source.file) else { return }
            (entries, diagnostics) = interpreter.interpret(PlainHostList(bytes))
        } else {
            guard let parsed = lsearch(source.file, mode: .list) else { return }
            (entries, diagnostics) = interpreter.interpret(parsed)
        }
        for e in entries {
            var entry = source.list == "alwaysrelay" ? alwaysRelayed(e) : e
            if source.exactAddressesOnly, entry.kind == .cidr4 || entry.kind == .cidr6, entry.visibleToExim {
                entry.visibleToExim = false
                snapshot.diagnostics.append(Diagnostic(.invalidEntry, at: entry.location, text: entry.raw,
                    message: "\(entry.entry) in \(source.file) is a range, but the list is read with an exact lookup (net-lsearch): it matches no address; list each address"))
            }
            snapshot.whitelist.append(entry)
        }
        snapshot.diagnostics += diagnostics
    }

    /// cPanel's tailwatchd splits alwaysrelay lines at `:`, so an IPv6 line never reaches
    /// recent_authed_mail_ips, the list Exim actually reads.
    private mutating func alwaysRelayed(_ e: WhitelistEntry) -> WhitelistEntry {
        guard e.kind == .ipv6 || e.kind == .cidr6 else { return e }
        var out = e
        out.visibleToExim = false
        snapshot.diagnostics.append(Diagnostic(.invalidEntry, at: e.location, text: e.raw,
            message: "\(e.entry) in /etc/alwaysrelay is IPv6: tailwatchd copies only IPv4 addresses into /etc/recent_authed_mail_ips, so Exim never sees it; exempt it with the whitelist remedy (custom_begin_mail) instead"))
        return out
    }

    /// Looks for `<file>.lock` next to every file read.
    mutating func readLocks() {
        for record in snapshot.files where record.present {
            let lockPath = record.path + ".lock"
            guard case .content(let bytes, _) = root.read(lockPath) else { continue }
            let lines = String(decoding: bytes.prefix(4096), as: UTF8.self).split(whereSeparator: \.isNewline)
            let pid = lines.first.flatMap { Int32($0.trimmingCharacters(in: " \t\r")) }
            let program = lines.count > 1 ? String(lines[1]) : nil
            snapshot.locks.append(LockFileInfo(path: lockPath, target: record.path, pid: pid, program: program,
                                               holderAlive: pid.map(processes.isAlive) ?? false))
        }
    }

    /// Sorts and returns the snapshot.
    mutating func finish() -> ServerSnapshot {
        // Sort positions by the names' bytes, not the structs: moving 100,000 HostedDomain values around costs more than the compare.
        let positionOfID: [Int]
        (snapshot.domains, positionOfID) = domains.takeSorted(presorted: presorted?.value())
        // A one-list domain shares its array with others: sorting it would copy it.
        for i in snapshot.domains.indices where snapshot.domains[i].lists.count > 1 { snapshot.domains[i].lists.sort() }
        // Last, so the trace list shares the final array of domains (a later change would copy it).
        snapshot.traceList.settle(positionOfID: positionOfID, domains: snapshot.domains)
        return snapshot
    }
}
