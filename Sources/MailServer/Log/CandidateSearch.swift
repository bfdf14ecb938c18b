#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the lines that contain a rejection marker ("impersonating", "_my_ address") in raw log
/// bytes, and counts newlines on the way so each hit gets its line number.
///
/// Scanning is the whole cost of reading a log, so it looks at 32 bytes at a time: a position is a
/// candidate when its byte and one a fixed distance on both match a marker (`i…g` twelve apart,
/// `_.._`); only candidates are compared in full. One pass serves both markers and the line count.
/// A confirmed hit sends the scan on to the end of its line, so nothing else in a reported line is
/// looked at twice (a flood has a marker in one line of twenty).
struct CandidateSearch {
    /// The bytes; valid from index 0 to `limit`.
    let base: UnsafePointer<UInt8>
    /// One past the last readable byte (bytes beyond `end` are read only to finish a line).
    let limit: Int

    private static let impersonating: StaticString = "impersonating"
    private static let myAddress: StaticString = "_my_ address"
    private static let newline = UInt8(ascii: "\n")

    /// A line that holds a marker: its bounds, where its first marker starts, and the newlines in
    /// `[start, lineStart)`.
    struct Hit {
        var lineStart: Int
        var lineEnd: Int
        var marker: Int
        var newlinesBefore: Int
    }

    /// Scans `[start, end)` (`start` a multiple of 16 from `base` is not required) and calls `found`
    /// once per line whose first marker lies in the range. Returns the newlines in the range.
    func scan(from start: Int, to end: Int, found: (Hit) -> Void) -> Int {
        var i = start
        var counted = 0
        var lanes = SIMD16<UInt8>()
        var blocks = 0
        let ci = SIMD16<UInt8>(repeating: UInt8(ascii: "i")), cg = SIMD16<UInt8>(repeating: UInt8(ascii: "g"))
        let cu = SIMD16<UInt8>(repeating: UInt8(ascii: "_")), cn = SIMD16<UInt8>(repeating: Self.newline)
        let zero = SIMD16<UInt8>()
        // Two blocks per round (32 bytes): one branch for both on the common path.
        rounds: while i + 32 <= end, i + 44 <= limit {
            let a0 = load(i), a3 = load(i + 3), a12 = load(i + 12)
            let b0 = load(i + 16), b3 = load(i + 19), b12 = load(i + 28)
            let ma = ((a0 .== ci) .& (a12 .== cg)) .| ((a0 .== cu) .& (a3 .== cu))
            let mb = ((b0 .== ci) .& (b12 .== cg)) .| ((b0 .== cu) .& (b3 .== cu))
            if Self.anySet(ma .| mb) {
                // Flush before these blocks' newlines are added, so the count is "newlines before i".
                counted += Self.sum(lanes)
                lanes = zero
                blocks = 0
                let low = unsafeBitCast(ma, to: SIMD2<UInt64>.self), high = unsafeBitCast(mb, to: SIMD2<UInt64>.self)
                // A candidate lane is a 0xFF byte: visit them in order, a word of eight lanes at a time.
                for word in 0..<4 {
                    var bits = word < 2 ? low[word] : high[word - 2]
                    while bits != 0 {
                        let lane = bits.trailingZeroBitCount >> 3
                        bits &= ~(0xFF << UInt64(lane << 3))
                        guard case let (hit, isNew)? = check(i + (word << 3) + lane, scanStart: start, blockStart: i, newlinesBefore: counted)
                        else { continue }
                        if isNew { found(hit) }
                        // The line is dealt with: go on after its end (no newline lies between the marker and it).
                        counted = hit.newlinesBefore
                        guard hit.lineEnd < end else { return counted }
                        counted += 1
                        i = hit.lineEnd + 1
                        continue rounds
                    }
                }
            }
            // A true lane is all ones (255): subtracting it adds one.
            lanes &-= unsafeBitCast(a0 .== cn, to: SIMD16<UInt8>.self)
            lanes &-= unsafeBitCast(b0 .== cn, to: SIMD16<UInt8>.self)
            i += 32
            blocks += 1
            if blocks == 127 {
                counted += Self.sum(lanes)
                lanes = zero
                blocks = 0
            }
        }
        counted += Self.sum(lanes)
        while i < end {
            let b = base[i]
            if b == Self.newline {
                counted += 1
            } else if b == UInt8(ascii: "i") || b == UInt8(ascii: "_"), case let (hit, isNew)? = check(i, scanStart: start, blockStart: i, newlinesBefore: counted) {
                if isNew { found(hit) }
                counted = hit.newlinesBefore
                guard hit.lineEnd < end else { return counted }
                counted += 1
                i = hit.lineEnd
            }
            i += 1
        }
        return counted
    }

    @inline(__always) private func load(_ i: Int) -> SIMD16<UInt8> {
        UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// `any(mask)` compiles to a slow lane-by-lane reduction; two 64-bit ORs do the same.
    @inline(__always) private static func anySet(_ m: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(m, to: SIMD2<UInt64>.self)
        return words[0] | words[1] != 0
    }

    private static func sum(_ lanes: SIMD16<UInt8>) -> Int {
        Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
    }

    /// Confirms a marker at `p` and finds its line, `isNew` false when the line was reported already.
    /// The scan skips the rest of a line it reported, so the marker is the first of its line unless
    /// the line began before `scanStart`: then the scan of the range before reported it if it has a
    /// marker there (and this scan skips it too, so a long line full of markers is searched once).
    private func check(_ p: Int, scanStart: Int, blockStart: Int, newlinesBefore: Int) -> (Hit, isNew: Bool)? {
        let b = base[p]
        guard b == UInt8(ascii: "i") && matches(Self.impersonating, at: p) || b == UInt8(ascii: "_") && matches(Self.myAddress, at: p) else { return nil }
        let lineStart = lineStart(before: p)
        let isNew = lineStart >= scanStart || !containsMarker(lineStart, scanStart)
        var extra = 0
        var j = blockStart
        while j < lineStart { if base[j] == Self.newline { extra += 1 }; j += 1 }
        let end = memchr(base + p, Int32(Self.newline), limit - p).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? limit
        return (Hit(lineStart: lineStart, lineEnd: end, marker: p, newlinesBefore: newlinesBefore + extra), isNew)
    }

    private func matches(_ needle: StaticString, at p: Int) -> Bool {
        // A StaticString: no array to retain and no lazy global to check per compare.
        let n = needle.utf8CodeUnitCount
        return p + n <= limit && memcmp(base + p, needle.utf8Start, n) == 0
    }

    /// The start of the line holding `p`: back eight bytes at a time (memrchr is a GNU extension
    /// Swift does not import, and the marker sits near the end of a 150-byte line).
    private func lineStart(before p: Int) -> Int {
        var j = p
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while j >= 8 {
            let word = UnsafeRawPointer(base + j - 8).loadUnaligned(as: UInt64.self) ^ (ones &* UInt64(Self.newline))
            // Some byte is zero (was a newline): finish byte by byte.
            if (word &- ones) & ~word & highs != 0 { break }
            j -= 8
        }
        while j > 0 && base[j - 1] != Self.newline { j -= 1 }
        return j
    }

    private func containsMarker(_ from: Int, _ to: Int) -> Bool {
        // Only an "i" or "_" can start a marker: a full compare at every byte of every candidate
        // line was a tenth of a flood scan (`perf`: memcmp).
        var j = from
        while j < to {
            let b = base[j]
            if b == UInt8(ascii: "i") && matches(Self.impersonating, at: j) || b == UInt8(ascii: "_") && matches(Self.myAddress, at: j) { return true }
            j += 1
        }
        return false
    }
}
