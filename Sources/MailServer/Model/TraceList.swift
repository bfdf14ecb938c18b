/// The per-domain traces of a snapshot, in the order the reader found them.
///
/// A big server has 300,000 (a valiases file and a zone per domain, a `named.conf` stanza each),
/// and almost all of them belong to domains the server lists, whose traces only a remedy or the
/// console asks for, one domain at a time; the rules read the traces of domains no account owns.
/// So a trace of a listed domain is kept as a 12-byte record (the domain's position, where it was
/// found, its line) and becomes a ``DomainTrace`` only when asked for; the others (domains the
/// server does not list, `mailhelo`/`mailips` lines, names written differently on disk) are kept
/// whole. Either way the traces come out in the one order they were added.
struct TraceList: Sendable {
    /// A trace of the domain at `position` (a domain-table id while reading, a position in
    /// `domains` once settled), or with `position` -1 the next of `whole`.
    private struct Entry: Sendable {
        var position: Int32
        var line: Int32
        var place: UInt16
    }

    /// Where a compact trace was found: shared by all the traces of one directory or file.
    private enum Place: Sendable, Equatable {
        /// The file `directory/DOMAINsuffix`.
        case entry(DomainTrace.Kind, directory: String, suffix: String)
        /// A line of `file`.
        case line(DomainTrace.Kind, file: String)
    }

    /// The traces kept whole, in order.
    private var whole: [DomainTrace] = []
    /// Every trace in order, once any is compact; empty while all are whole (they are `whole`).
    private var entries: [Entry] = []
    private var places: [Place] = []
    /// The domains the compact traces' positions refer to (the snapshot's own array, shared).
    private var domains: [HostedDomain] = []

    /// `false` keeps every trace whole as it is added, the way the reader did before compact
    /// traces (tests compare the two).
    private(set) var compacts = true

    /// An empty list; `compacting: false` keeps every trace whole.
    init(compacting: Bool = true) {
        compacts = compacting
    }

    /// A list of these traces, all kept whole.
    init(_ traces: [DomainTrace]) {
        whole = traces
    }

    /// How many traces there are.
    var count: Int { entries.isEmpty ? whole.count : entries.count }

    // MARK: - Filling (the reader)

    /// Adds a trace kept whole.
    mutating func append(_ trace: DomainTrace) {
        if !entries.isEmpty { entries.append(Entry(position: -1, line: 0, place: 0)) }
        whole.append(trace)
    }

    /// Where traces of files `directory/DOMAINsuffix` go, for ``append(id:domain:at:line:)``
    /// (asked once per directory: comparing the place for each of 100,000 traces showed in `perf`).
    mutating func place(_ kind: DomainTrace.Kind, directory: String, suffix: String) -> UInt16 {
        index(of: .entry(kind, directory: directory, suffix: suffix))
    }

    /// Where traces of lines of `file` go, for ``append(id:domain:at:line:)``.
    mutating func place(_ kind: DomainTrace.Kind, file: String) -> UInt16 {
        index(of: .line(kind, file: file))
    }

    /// Adds the trace at `place` (and `line`, for a line of a file) of the domain with table id `id` called `domain`.
    mutating func append(id: Int, domain: @autoclosure () -> String, at place: UInt16, line: Int = 0) {
        guard compacts, let position = Int32(exactly: id), let line32 = Int32(exactly: line) else {
            var trace = switch places[Int(place)] {
            case .entry(let kind, let directory, let suffix): DomainTrace(domain: domain(), kind: kind, directory: directory, suffix: suffix)
            case .line(let kind, let file): DomainTrace(domain: domain(), kind: kind, location: SourceLocation(file: file, line: line))
            }
            trace.setDomainPosition(id)
            return append(trace)
        }
        if entries.isEmpty { entries = Array(repeating: Entry(position: -1, line: 0, place: 0), count: whole.count) }
        entries.append(Entry(position: position, line: line32, place: place))
    }

    /// The index of `place` in `places`, added when new (a list has a handful).
    private mutating func index(of place: Place) -> UInt16 {
        if let last = places.indices.last, places[last] == place { return UInt16(last) }
        if let i = places.firstIndex(of: place) { return UInt16(i) }
        precondition(places.count < Int(UInt16.max), "too many trace places")
        places.append(place)
        return UInt16(places.count - 1)
    }

    /// Adds every trace of `other` (made from the same domain table, e.g. on another thread) after these.
    mutating func append(contentsOf other: TraceList) {
        guard !other.entries.isEmpty else {
            for trace in other.whole { append(trace) }
            return
        }
        if entries.isEmpty { entries = Array(repeating: Entry(position: -1, line: 0, place: 0), count: whole.count) }
        let map = other.places.map { index(of: $0) }
        entries.reserveCapacity(entries.count + other.entries.count)
        for var e in other.entries {
            if e.position >= 0 { e.place = map[Int(e.place)] }
            entries.append(e)
        }
        whole += other.whole
    }

    /// Turns the domain-table ids into positions in `domains` (the sorted snapshot's), and keeps
    /// `domains` to name the compact traces. `domains` must be sorted by name (as the reader sorts).
    mutating func settle(positionOfID: [Int], domains: [HostedDomain]) {
        entries.withUnsafeMutableBufferPointer { all in
            for i in all.indices where all[i].position >= 0 { all[i].position = Int32(positionOfID[Int(all[i].position)]) }
        }
        for i in whole.indices {
            if let id = whole[i].domainPosition { whole[i].setDomainPosition(positionOfID[id]) }
        }
        self.domains = domains
    }

    // MARK: - Reading

    /// Whether the compact traces' positions are positions in `other` (the same array, unchanged).
    func refersTo(_ other: [HostedDomain]) -> Bool {
        domains.withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count } }
    }

    /// Calls `body` with every trace in order, except compact traces whose domain position
    /// `skip` is true for (those are never made).
    func forEach(skippingPositions skip: (Int) -> Bool = { _ in false }, _ body: (DomainTrace) -> Void) {
        guard !entries.isEmpty else { return whole.forEach(body) }
        var next = 0
        entries.withUnsafeBufferPointer { all in
            for e in all {
                guard e.position >= 0 else {
                    body(whole[next])
                    next += 1
                    continue
                }
                if skip(Int(e.position)) { continue }
                body(trace(e))
            }
        }
    }

    /// Every trace, in order.
    var all: [DomainTrace] {
        guard !entries.isEmpty else { return whole }
        var out: [DomainTrace] = []
        out.reserveCapacity(entries.count)
        forEach { out.append($0) }
        return out
    }

    /// The traces of the domains called `names` (lower case), each domain's in order.
    func traces(of names: Set<String>) -> [String: [DomainTrace]] {
        var out: [String: [DomainTrace]] = [:]
        guard !names.isEmpty else { return out }
        var wanted = [Bool](repeating: false, count: entries.isEmpty ? 0 : domains.count)
        if !entries.isEmpty {
            let positions = DomainPositions(domains)
            for name in names { if let p = positions.position(of: name) { wanted[p] = true } }
        }
        forEach(skippingPositions: { !wanted[$0] }) { trace in
            if names.contains(trace.domain) { out[trace.domain, default: []].append(trace) }
        }
        return out
    }

    /// The trace a compact entry stands for.
    private func trace(_ e: Entry) -> DomainTrace {
        let position = Int(e.position)
        var trace = switch places[Int(e.place)] {
        case .entry(let kind, let directory, let suffix):
            DomainTrace(domain: domains[position].name, kind: kind, directory: directory, suffix: suffix)
        case .line(let kind, let file):
            DomainTrace(domain: domains[position].name, kind: kind, location: SourceLocation(file: file, line: Int(e.line)))
        }
        trace.setDomainPosition(position)
        return trace
    }
}

extension TraceList: Codable {
    /// Decoded as the array of traces it stands for, all kept whole.
    init(from decoder: any Decoder) throws {
        self.init(try [DomainTrace](from: decoder))
    }

    /// Encoded as the array of every trace, in order.
    func encode(to encoder: any Encoder) throws {
        try all.encode(to: encoder)
    }
}
