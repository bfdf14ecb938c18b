/// The per-domain traces: one per file in a per-domain directory (`/etc/valiases/D`,
/// `/var/named/D.db`) and one per `zone` stanza of `named.conf`.
extension SnapshotBuilder {
    /// Adds one trace per file in a per-domain directory.
    mutating func readTraceDirectory(_ entry: ServerFile, kind: DomainTrace.Kind) {
        Self.traces(of: DirectoryNames(root, entry.path), in: entry, kind: kind, table: domains, into: &snapshot.traceList)
    }

    /// The traces of one listed per-domain directory, appended to `found` (static: it also runs on
    /// another thread, with the domain table as read by then).
    ///
    /// A big server has 100,000 files in each of these, so ASCII names are checked on their bytes
    /// and only a kept domain becomes a `String`; other names take the `String` path.
    static func traces(of names: DirectoryNames, in entry: ServerFile, kind: DomainTrace.Kind, table: DomainTable,
                       into found: inout TraceList) {
        guard names.listed else { return }
        let dir = entry.path, suffix = entry.suffix
        let tail = Array(suffix.utf8)
        // Names in the file system's hash order land anywhere in the domain table, each look-up a
        // cache miss: looked up sixteen at a time, their memory is first fetched all together.
        var batch: [(stem: UnsafeBufferPointer<UInt8>, hash: UInt64)] = []
        batch.reserveCapacity(16)
        var sink: UInt64 = 0
        let place = found.place(kind, directory: dir, suffix: suffix)
        func flush() {
            for b in batch { table.warm(b.hash, &sink) }
            for b in batch {
                let id = table.existing(b.stem, hash: b.hash)
                // A name the lists checked is not checked again (the same bytes).
                if let id, table.isDottedHost(id) {
                    found.append(id: id, domain: table.values[id].name, at: place)
                    continue
                }
                guard HostName.isValid(bytes: b.stem), b.stem.contains(UInt8(ascii: ".")) else { continue }
                if let id {
                    found.append(id: id, domain: table.values[id].name, at: place)
                } else {
                    found.append(DomainTrace(domain: String(decoding: b.stem, as: UTF8.self), kind: kind, directory: dir, suffix: suffix))
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        names.forEach({ name in
            guard name.count >= tail.count, name.first != UInt8(ascii: ".") else { return }
            guard !name.contains(where: { $0 >= 0x80 }) else {
                flush()
                let text = String(decoding: name, as: UTF8.self)
                if let trace = trace(named: text, in: dir, kind: kind, suffix: suffix) { found.append(trace) }
                return
            }
            let stemEnd = name.count - tail.count
            guard tail.indices.allSatisfy({ name[stemEnd + $0] == tail[$0] }) else { return }
            let stem = UnsafeBufferPointer(rebasing: name[0..<stemEnd])
            if stem.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
                guard HostName.isValid(bytes: stem), stem.contains(UInt8(ascii: ".")) else { return }
                flush()
                let domain = String(decoding: stem.map(ByteInterner.lower), as: UTF8.self)
                found.append(DomainTrace(domain: domain, kind: kind, directory: dir, name: String(decoding: name, as: UTF8.self), suffix: suffix))
            } else {
                // Checked as a host name in `flush`, only when the lists have not checked it.
                batch.append((stem, DomainTable.hash(stem)))
                if batch.count == 16 { flush() }
            }
        }, atEnd: flush)
        keep(sink)
    }

    /// Takes a value the optimizer must not drop.
    @_optimize(none) static func keep(_ value: UInt64) {}

    /// A trace for a directory entry whose name is not all ASCII (never a valid host name, but
    /// judged the same way as before the byte path existed).
    private static func trace(named name: String, in dir: String, kind: DomainTrace.Kind, suffix: String) -> DomainTrace? {
        guard name.hasSuffix(suffix), !name.hasPrefix(".") else { return nil }
        let domain = (suffix.isEmpty ? name : String(name.dropLast(suffix.count))).foldedForLookup
        guard HostName.isValid(domain), domain.contains(".") else { return nil }
        return DomainTrace(domain: domain, kind: kind, directory: dir, name: name, suffix: suffix)
    }

    /// Zone files and `zone` stanzas, the per-domain DNS traces.
    mutating func readZones(_ files: ZoneFiles) {
        readTraceDirectory(files.varNamed, kind: .zone)
        readNamedConf(files.namedConf.path)
    }

    /// The same on Debian's BIND layout.
    mutating func readZones(_ files: DebianZoneFiles) {
        readTraceDirectory(files.etcBind, kind: .zone)
        readNamedConf(files.bindNamedConf.path)
    }

    /// Adds a trace for each `zone "D"` stanza in a BIND configuration.
    mutating func readNamedConf(_ path: String) {
        let zones = ZoneStanzas(root, path)
        guard record(path, zones.file) != nil else { return }
        Self.traces(of: zones, path, table: domains, into: &snapshot.traceList)
    }

    /// The traces of the stanzas of a `named.conf` at `path`, appended to `found` (static: it also
    /// runs on another thread). The file is recorded by the caller.
    static func traces(of zones: ZoneStanzas, _ path: String, table: DomainTable, into found: inout TraceList) {
        guard case .content(let bytes, _) = zones.file else { return }
        var guess = -1
        let place = found.place(.namedConf, file: path)
        bytes.withUnsafeBufferPointer { buf in
            for (line, range) in zip(zones.lines, zones.names) {
                let name = UnsafeBufferPointer(rebasing: buf[range])
                let plain = !name.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 }
                guard plain else {
                    let domain = String(decoding: name, as: UTF8.self).lowercased()
                    if domain.contains("."), HostName.isValid(domain) {
                        found.append(DomainTrace(domain: domain, kind: .namedConf, location: SourceLocation(file: path, line: line)))
                    }
                    continue
                }
                // A listed domain's trace is compact (its id); stanzas follow the lists' order, so
                // the id after the previous stanza's is tried first. For a plain name the trace's
                // domain is these bytes, so they are judged (unless the lists did) before it is made.
                let id = table.existing(name, guess: guess + 1)
                let checked = if let id { table.isDottedHost(id) } else { false }
                guard checked || name.contains(UInt8(ascii: ".")) && HostName.isValid(bytes: name) else { continue }
                if let id {
                    found.append(id: id, domain: table.values[id].name, at: place, line: line)
                    guess = id
                } else {
                    found.append(DomainTrace(domain: String(decoding: name, as: UTF8.self), kind: .namedConf, location: SourceLocation(file: path, line: line)))
                }
            }
        }
    }
}
