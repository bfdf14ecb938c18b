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
    ///
    /// Sixteen start positions at a time: a position is compared in full only when the literal's
    /// first and last bytes both match there. Searching by the first byte alone (`memchr`, then
    /// `memcmp`) stopped at every space of a line for " exim" or " rejected " (`perf`: a fifth of a
    /// flood's per-line parsing was those calls). Inlined, so each caller's literal is a constant:
    /// its bytes, length and the two 16-lane patterns are folded in, not loaded per call.
    @inline(__always) func first(_ literal: StaticString, from: Int, to: Int) -> Int? {
        let n = literal.utf8CodeUnitCount
        let needle = literal.utf8Start
        guard n > 0 else { return from <= to ? from : nil }
        let lastStart = to - n
        var i = from
        if n > 1 && lastStart - from >= 15 {
            let head = SIMD16<UInt8>(repeating: needle[0]), tail = SIMD16<UInt8>(repeating: needle[n - 1])
            // Loads read [i, i + n + 15), inside the range while i + 15 <= lastStart.
            while i &+ 15 <= lastStart {
                if let p = firstInBlock(i, needle, n, head, tail) { return p }
                i &+= 16
            }
            // The last start positions as one block ending at `lastStart`, not byte by byte: the
            // ones before `i` were looked at already and did not match.
            return i <= lastStart ? firstInBlock(lastStart - 15, needle, n, head, tail) : nil
        }
        while i <= lastStart {
            if base[i] == needle[0], base[i + n - 1] == needle[n - 1], middleMatches(needle, n, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// The first of the 16 start positions from `i` where `needle` matches.
    @inline(__always) private func firstInBlock(_ i: Int, _ needle: UnsafePointer<UInt8>, _ n: Int,
                                                _ head: SIMD16<UInt8>, _ tail: SIMD16<UInt8>) -> Int? {
        let m = (load(i) .== head) .& (load(i + n - 1) .== tail)
        let words = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        for word in 0..<2 {
            var bits = words[word]
            while bits != 0 {
                let lane = bits.trailingZeroBitCount >> 3
                bits &= ~(0xFF << UInt64(lane << 3))
                let p = i + (word << 3) + lane
                if middleMatches(needle, n, at: p) { return p }
            }
        }
        return nil
    }

    @inline(__always) private func load(_ i: Int) -> SIMD16<UInt8> {
        UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// Bytes 1 to n-2 of `needle` at `p` (the first and last are already known to match); a loop,
    /// not `memcmp`: the literals are a few bytes long.
    @inline(__always) private func middleMatches(_ needle: UnsafePointer<UInt8>, _ n: Int, at p: Int) -> Bool {
        var k = 1
        while k < n - 1 {
            if base[p + k] != needle[k] { return false }
            k += 1
        }
        return true
    }

    /// The start of the last of the non-overlapping matches of `literal` in `[from, to)`, found
    /// left to right (`Substring.ranges(of:).last`). Inlined, like ``first(_:from:to:)``.
    @inline(__always) func lastOfMatches(_ literal: StaticString, from: Int, to: Int) -> Int? {
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
        // Two words a round: one test and branch per 16 bytes.
        while i + 16 <= count {
            let raw = UnsafeRawPointer(base + i)
            if (raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 16
        }
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
