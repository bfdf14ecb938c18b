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

    /// Runs `body` on the domain named `name`, adding it first when new.
    mutating func update(_ name: String, _ body: (inout HostedDomain) -> Void) {
        let id = names.id(of: name, fold: false)
        if id == values.count {
            values.append(HostedDomain(name: name))
            if ascii, name.utf8.contains(where: { $0 >= 0x80 }) { ascii = false }
        }
        body(&values[id])
    }

    /// Makes room for about `count` domains.
    mutating func reserve(_ count: Int) {
        guard values.isEmpty else { return }
        names = ByteInterner(capacity: count)
        values.reserveCapacity(count)
    }

    /// The id of the domain whose (lower-case) name is `bytes`, if it was added.
    func existing(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        names.existing(bytes, fold: false)
    }

    /// The domains sorted by name, and for each id the position it got.
    func sorted() -> (domains: [HostedDomain], positionOfID: [Int]) {
        let order = ascii
            ? values.indices.sorted { names.precedes($0, $1) }
            : values.indices.sorted { values[$0].name < values[$1].name }
        var positionOfID = [Int](repeating: 0, count: order.count)
        for (position, id) in order.enumerated() { positionOfID[id] = position }
        return (order.map { values[$0] }, positionOfID)
    }
}
