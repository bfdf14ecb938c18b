/// The domains found while a server is read, by (already lower-cased) name, in the order first seen.
///
/// A table of 100,000 names is looked up several times per domain (each list, each owner); names
/// are hashed as bytes (``ByteInterner``) and sorted by bytes at the end, which for the ASCII names
/// that pass ``HostName/isValid(_:)`` is the same order as sorting the `String`s.
struct DomainTable {
    private var names = ByteInterner()
    private(set) var values: [HostedDomain] = []
    /// Whether every name is ASCII, so byte order is `String` order.
    private var ascii = true
    /// Per id: the name is known to be a host name with a dot, which is all a trace's name is
    /// checked for (set for names from plain lists, which checked them; `false` means unknown).
    private var dottedHost: [Bool] = []

    /// Runs `body` on the domain named `name`, adding it first when new.
    mutating func update(_ name: String, _ body: (inout HostedDomain) -> Void) {
        let id = names.id(of: name, fold: false)
        if id == values.count {
            values.append(HostedDomain(name: name))
            dottedHost.append(false)
            if ascii, name.utf8.contains(where: { $0 >= 0x80 }) { ascii = false }
        }
        body(&values[id])
    }

    /// Adds `list` at `location` to the domain whose lower-case ASCII name is `name`, a host name
    /// the caller has checked, adding the domain first when new; returns its id. A domain's first
    /// list is a shared one-element array (no allocation per domain).
    /// `hash` is the name's ``hash(_:)``.
    mutating func add(_ list: DomainList, at location: SourceLocation, toHostName name: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let id = idAdding(name, hash: hash)
        if !dottedHost[id] && name.contains(UInt8(ascii: ".")) { dottedHost[id] = true }
        if values[id].lists.isEmpty {
            values[id].lists = switch list { case .local: onlyLocal; case .remote: onlyRemote; case .secondaryMX: onlySecondaryMX }
            values[id].sources.append(location)
        } else {
            values[id].add(list, at: location)
        }
        return id
    }

    /// Sets the owner of the domain whose lower-case ASCII name is `name` unless it has one,
    /// adding the domain first when new; returns its id.
    /// `guess` is the id the name probably has (owner files follow the lists' order), checked first.
    mutating func claim(_ name: UnsafeBufferPointer<UInt8>, by owner: String, guess: Int? = nil) -> Int {
        let id = if let guess, guess >= 0, guess < values.count, names.holds(guess, name) { guess } else { idAdding(name) }
        values[id].claim(by: owner)
        return id
    }

    /// Whether the name of `id` is known to be a host name with a dot (the same bytes need not be
    /// checked again as a trace's name).
    func isDottedHost(_ id: Int) -> Bool { dottedHost[id] }

    /// The number of domains so far.
    var count: Int { values.count }

    private mutating func idAdding(_ name: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> Int {
        let id = names.id(of: name, hash: hash ?? Self.hash(name), fold: false)
        if id == values.count {
            values.append(HostedDomain(name: String(decoding: name, as: UTF8.self)))
            dottedHost.append(false)
            if ascii, name.contains(where: { $0 >= 0x80 }) { ascii = false }
        }
        return id
    }

    /// `[list]` for each list, made once and shared by the domains in only that list.
    private let onlyLocal: [DomainList] = [.local], onlyRemote: [DomainList] = [.remote], onlySecondaryMX: [DomainList] = [.secondaryMX]

    /// Makes room for about `count` domains.
    mutating func reserve(_ count: Int) {
        guard values.isEmpty else { return }
        names = ByteInterner(capacity: count)
        values.reserveCapacity(count)
        dottedHost.reserveCapacity(count)
    }

    /// The id of the domain whose (lower-case) name is `bytes`, if it was added.
    func existing(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        names.existing(bytes, fold: false)
    }

    /// The hash ``existing(_:hash:)`` takes.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 { ByteInterner.hash(bytes, fold: false) }

    /// ``existing(_:)`` with the name's ``hash(_:)`` already computed.
    func existing(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        names.existing(bytes, hash: hash)
    }

    /// Brings into the cache what a look-up of this hash compares first (see ``ByteInterner/warm(_:)``).
    func warm(_ hash: UInt64, _ sink: inout UInt64) {
        _ = names.warm(hash, &sink)
    }

    /// ``existing(_:)``, trying `guess` first: a file that follows the lists' order (named.conf
    /// stanzas) then needs one comparison per name instead of a hash look-up.
    func existing(_ bytes: UnsafeBufferPointer<UInt8>, guess: Int?) -> Int? {
        if let guess, guess >= 0, guess < values.count, names.holds(guess, bytes) { return guess }
        return names.existing(bytes, fold: false)
    }

    /// The sort ``takeSorted(presorted:)`` does, to be run elsewhere (on another core while the
    /// traces are made): it needs only the names, so the domains are not shared with it (a later
    /// change to them would copy them all). `nil` when the names are not all ASCII (they are then
    /// sorted as `String`s, in ``takeSorted(presorted:)``).
    func sortingNames() -> (@Sendable () -> [Int])? {
        guard ascii else { return nil }
        let names = names
        return { names.idsInByteOrder() }
    }

    /// Hands over the domains sorted by name, and for each id the position it got; the table is
    /// left empty. The domains are moved into place (following the permutation's cycles), not
    /// copied: a copy of 100,000 domains retains and later releases four references each.
    /// `presorted`, when given, is what ``sortingNames()`` gave for this table: used when the
    /// table has not grown since, sorted again otherwise.
    mutating func takeSorted(presorted: [Int]? = nil) -> (domains: [HostedDomain], positionOfID: [Int]) {
        let order: [Int]
        if let presorted, presorted.count == values.count {
            order = presorted
        } else if ascii {
            order = names.idsInByteOrder()
        } else {
            order = values.indices.sorted { values[$0].name < values[$1].name }
        }
        var positionOfID = [Int](repeating: 0, count: order.count)
        for (position, id) in order.enumerated() { positionOfID[id] = position }
        // Position p takes the domain of id order[p].
        var placed = [Bool](repeating: false, count: order.count)
        values.withUnsafeMutableBufferPointer { buffer in
            for start in order.indices where !placed[start] {
                var p = start
                while true {
                    placed[p] = true
                    let from = order[p]
                    if from == start { break }
                    buffer.swapAt(p, from)
                    p = from
                }
            }
        }
        let sorted = values
        values = []
        dottedHost = []
        names = ByteInterner()
        return (sorted, positionOfID)
    }
}
