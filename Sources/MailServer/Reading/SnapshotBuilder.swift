/// Accumulates a snapshot while the platform readers run; shared parts live here.
struct SnapshotBuilder {
    let root: ServerRoot
    let processes: any ProcessProbe
    var snapshot: ServerSnapshot
    var domains: [String: HostedDomain] = [:]

    init(root: ServerRoot, platform: Platform, processes: any ProcessProbe) {
        self.root = root
        self.processes = processes
        snapshot = ServerSnapshot(root: root.path, platform: platform)
    }

    /// Reads and parses an lsearch file, recording it; `nil` when absent or unreadable.
    mutating func lsearch(_ path: String, mode: LsearchParser.Mode) -> LsearchFile? {
        guard let bytes = bytes(path) else { return nil }
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
        switch root.read(path) {
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
        guard let parsed = lsearch(path, mode: .list) else { return }
        for entry in parsed.entries where entry.visible && entry.key != "*" {
            let name = entry.key.foldedForLookup
            if !HostName.isValid(name) {
                snapshot.diagnostics.append(Diagnostic(.invalidEntry, at: .init(file: path, line: entry.line), text: entry.raw,
                    message: "\"\(entry.key)\" in \(path) is not a valid domain name; correct or remove line \(entry.line)"))
                continue
            }
            // Mutated in place: one hash and no copy of the domain per line.
            domains[name, default: HostedDomain(name: name)].add(list, at: SourceLocation(file: path, line: entry.line))
        }
    }

    /// Records `domain → owner` from a `domain: user` file.
    mutating func readOwners(_ path: String) {
        guard let parsed = lsearch(path, mode: .keyValue) else { return }
        for entry in parsed.entries where entry.visible && entry.key != "*" && !entry.value.isEmpty {
            setOwner(entry.key.foldedForLookup, entry.value.split(separator: " ").first.map(String.init) ?? entry.value)
        }
    }

    mutating func setOwner(_ name: String, _ owner: String) {
        domains[name, default: HostedDomain(name: name)].claim(by: owner)
    }

    /// Reads the hostname from `/etc/hostname` and the platform's own files, noting disagreements.
    mutating func readHostname(extra: [HostnameSource]) {
        var sources: [HostnameSource] = []
        if let name = singleValue("/etc/hostname") {
            sources.append(HostnameSource(location: .init(file: "/etc/hostname", line: 1), value: name.lowercased()))
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
            if case .domain(let d) = key { snapshot.traces.append(DomainTrace(domain: d, kind: .mailhelo, location: location)) }
        }
    }

    /// Reads an outgoing-IP file (`/etc/mailips`, `/etc/virtual/domainips`).
    mutating func readOutgoingIPs(_ path: String) {
        guard let parsed = lsearch(path, mode: .keyValue) else { return }
        for entry in parsed.entries where entry.visible {
            let location = SourceLocation(file: path, line: entry.line)
            let domain = entry.key.lowercased()
            snapshot.outgoingIPs.append(OutgoingIP(domain: domain, ip: entry.value, location: location))
            if domain != "*" { snapshot.traces.append(DomainTrace(domain: domain, kind: .mailips, location: location)) }
        }
    }

    /// Reads one host list with its meaning on this platform.
    mutating func readHostList(_ source: WhitelistSource) {
        guard let parsed = lsearch(source.file, mode: .list) else { return }
        let interpreter = HostListInterpreter(list: source.list, file: source.file, acceptsNames: source.acceptsNames,
                                              bypass: source.bypass, grantsRelay: source.grantsRelay)
        let (entries, diagnostics) = interpreter.interpret(parsed)
        snapshot.whitelist += entries
        snapshot.diagnostics += diagnostics
    }

    /// Adds one trace per file in a per-domain directory (`/etc/valiases/D`).
    mutating func readTraceDirectory(_ dir: String, kind: DomainTrace.Kind, suffix: String = "") {
        guard let names = root.list(dir) else { return }
        for name in names where name.hasSuffix(suffix) && !name.hasPrefix(".") {
            let domain = (suffix.isEmpty ? name : String(name.dropLast(suffix.count))).foldedForLookup
            guard HostName.isValid(domain), domain.contains(".") else { continue }
            snapshot.traces.append(DomainTrace(domain: domain, kind: kind, directory: dir, name: name, suffix: suffix))
        }
    }

    /// Adds a trace for each `zone "D"` stanza in a BIND configuration.
    mutating func readNamedConf(_ path: String) {
        guard let bytes = bytes(path) else { return }
        for (number, raw) in ByteLines(bytes) {
            let line = raw.trimmedBlanks
            guard line.starts(with: "zone".utf8), let open = line.firstIndex(of: 0x22) else { continue }
            guard let close = line[(open + 1)...].firstIndex(of: 0x22) else { continue }
            var name = line[(open + 1)..<close]
            if name.last == UInt8(ascii: ".") { name = name.dropLast() }
            let domain = name.string.lowercased()
            guard domain.contains("."), HostName.isValid(domain) else { continue }
            snapshot.traces.append(DomainTrace(domain: domain, kind: .namedConf, location: .init(file: path, line: number)))
        }
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
        // Sort the names, not the structs: moving 100,000 HostedDomain values around costs more than the compare.
        snapshot.domains = domains.keys.sorted().map { domains[$0]! }
        for i in snapshot.domains.indices { snapshot.domains[i].lists.sort() }
        return snapshot
    }
}
