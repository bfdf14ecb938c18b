#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One log line's bytes, with the few searches the rejection parser needs, done on bytes: no
/// `String`, no `Character`, no allocation. Positions are offsets from the line's start; every
/// search takes the half-open range `[from, to)` it looks in.
///
/// Used only for lines that are all ASCII, where a byte is a `Character` and byte searches find
/// exactly what `Substring` searches would (other lines take the `String` path).
struct LineBytes {
    let base: UnsafePointer<UInt8>
    let count: Int

    @inline(__always) subscript(i: Int) -> UInt8 { base[i] }

    /// Whether `literal` starts at `i` and ends by `to`.
    @inline(__always) func has(_ literal: StaticString, at i: Int, to: Int) -> Bool {
        let n = literal.utf8CodeUnitCount
        return i >= 0 && i + n <= to && memcmp(base + i, literal.utf8Start, n) == 0
    }

    /// Whether `[from, to)` ends with `literal`.
    @inline(__always) func has(_ literal: StaticString, endingAt to: Int, from: Int) -> Bool {
        let start = to - literal.utf8CodeUnitCount
        return start >= from && has(literal, at: start, to: to)
    }

    /// The first position of `byte` in `[from, to)`.
    @inline(__always) func first(_ byte: UInt8, from: Int, to: Int) -> Int? {
        guard from < to, let p = memchr(base + from, Int32(byte), to - from) else { return nil }
        return UnsafePointer(p.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// The last position of `byte` in `[from, to)`.
    func last(_ byte: UInt8, from: Int, to: Int) -> Int? {
        var i = to - 1
        while i >= from {
            if base[i] == byte { return i }
            i -= 1
        }
        return nil
    }

    /// The first start of `literal` inside `[from, to)`.
    func first(_ literal: StaticString, from: Int, to: Int) -> Int? {
        let n = literal.utf8CodeUnitCount
        let lead = literal.utf8Start.pointee
        var i = from
        while i + n <= to, let p = first(lead, from: i, to: to - n + 1) {
            if memcmp(base + p, literal.utf8Start, n) == 0 { return p }
            i = p + 1
        }
        return nil
    }

    /// The start of the last of the non-overlapping matches of `literal` in `[from, to)`, found
    /// left to right (`Substring.ranges(of:).last`).
    func lastOfMatches(_ literal: StaticString, from: Int, to: Int) -> Int? {
        var found: Int?
        var i = from
        while let p = first(literal, from: i, to: to) {
            found = p
            i = p + literal.utf8CodeUnitCount
        }
        return found
    }

    /// Where the first occurrence of `other`'s bytes ends in this line.
    func firstEnd(of other: LineBytes) -> Int? {
        let n = other.count
        guard n > 0 else { return 0 }
        var i = 0
        while i + n <= count, let p = first(other[0], from: i, to: count - n + 1) {
            if memcmp(base + p, other.base, n) == 0 { return p + n }
            i = p + 1
        }
        return nil
    }

    /// Whether every byte is ASCII (so byte and `Character` searches agree).
    static func isASCII(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        while i + 8 <= count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < count {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}
