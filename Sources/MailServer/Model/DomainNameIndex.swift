/// Positions in ``ServerSnapshot/domains`` by name, for the rules' look-ups (every one of a big
/// server's 300,000 traces). ASCII names are hashed as bytes; the rare other name keeps `String`
/// equality in a small dictionary of its own.
public struct DomainNameIndex: Sendable {
    private var names: ByteInterner
    private var positions: [Int] = []
    private var other: [String: Int] = [:]

    /// Indexes `domains` (a later duplicate name wins, as in a dictionary).
    public init(_ domains: [HostedDomain]) {
        names = ByteInterner(capacity: domains.count)
        positions.reserveCapacity(domains.count)
        for (i, d) in domains.enumerated() {
            guard Self.isASCII(d.name) else {
                other[d.name] = i
                continue
            }
            let id = names.id(of: d.name, fold: false)
            if id == positions.count { positions.append(i) } else { positions[id] = i }
        }
    }

    /// The position of the domain called exactly `name`.
    public func position(of name: String) -> Int? {
        guard Self.isASCII(name) else { return other[name] }
        return names.existing(name, fold: false).map { positions[$0] }
    }

    private static func isASCII(_ s: String) -> Bool { !s.utf8.contains { $0 >= 0x80 } }
}
