#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Positions in ``ServerSnapshot/domains`` by name, for the rules' and the traces' look-ups, without building a
/// table: the reader hands the domains over sorted by their bytes, so a name is found by binary
/// search. Checking that order is one pass of byte comparisons, a tenth of what hashing 100,000
/// names into a table cost (`perf`); a snapshot in any other order (made by hand, or changed by a
/// caller) gets the hashed ``DomainNameIndex`` instead, so the answers never depend on the order.
///
/// Equality is that of ``DomainNameIndex``: exact bytes for ASCII names; `String` equality for
/// the rare other name; a later duplicate wins.
public struct DomainPositions: Sendable {
    private let domains: [HostedDomain]
    /// Positions of the names that are not ASCII, in order (few: host names are ASCII).
    private let nonASCII: [Int]
    /// Set when `domains` is not sorted by bytes.
    private let index: DomainNameIndex?

    /// Positions in `domains`, searched when they are in the reader's byte order, hashed otherwise.
    public init(_ domains: [HostedDomain]) {
        self.domains = domains
        var nonASCII: [Int] = []
        var sorted = true
        domains.withUnsafeBufferPointer { d in
            for i in d.indices {
                if !Self.isASCII(d[i].name) { nonASCII.append(i) }
                if sorted, i > 0, Self.compare(d[i - 1].name, d[i].name) > 0 { sorted = false }
            }
        }
        self.nonASCII = nonASCII
        index = sorted ? nil : DomainNameIndex(domains)
    }

    /// The position of the domain called exactly `name`.
    public func position(of name: String) -> Int? {
        if let index { return index.position(of: name) }
        guard Self.isASCII(name) else {
            return nonASCII.last { domains[$0].name == name }
        }
        var name = name
        return name.withUTF8 { query in
            // The first position whose name is greater than `name`; the one before it is the last equal.
            domains.withUnsafeBufferPointer { d -> Int? in
                var low = 0, high = d.count
                while low < high {
                    let mid = (low + high) / 2
                    if Self.compare(d[mid].name, query) <= 0 { low = mid + 1 } else { high = mid }
                }
                guard low > 0, Self.compare(d[low - 1].name, query) == 0 else { return nil }
                return low - 1
            }
        }
    }

    /// Byte order of the UTF-8 of `a` and the bytes `b`.
    private static func compare(_ a: String, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        if let c = a.utf8.withContiguousStorageIfAvailable({ compare($0, b) }) { return c }
        var a = a
        return a.withUTF8 { compare($0, b) }
    }

    /// Byte order of the UTF-8 of `a` and `b`: negative, zero or positive.
    private static func compare(_ a: String, _ b: String) -> Int {
        // The strings' own buffers (native strings have one), without a copy to get at them.
        if let c = a.utf8.withContiguousStorageIfAvailable({ x in b.utf8.withContiguousStorageIfAvailable { y in compare(x, y) } }) ?? nil {
            return c
        }
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in compare(x, y) } }
    }

    private static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(x.count, y.count)
        let c = n == 0 ? 0 : Int(memcmp(x.baseAddress!, y.baseAddress!, n))
        return c != 0 ? c : x.count - y.count
    }

    private static func isASCII(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { !$0.contains { $0 >= 0x80 } } ?? !s.utf8.contains { $0 >= 0x80 }
    }
}
