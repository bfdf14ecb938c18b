#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the lines that contain a rejection marker ("impersonating", "_my_ address") in raw log
/// bytes, and counts newlines on the way so each hit gets its line number.
///
/// Scanning is the whole cost of reading a log, so it looks at 16 bytes at a time: a position is a
/// candidate when its byte and one a fixed distance on both match a marker (`i…g` twelve apart,
/// `_.._`); only candidates are compared in full. One pass serves both markers and the line count.
struct CandidateSearch {
    /// The bytes; valid from index 0 to `limit`.
    let base: UnsafePointer<UInt8>
    /// One past the last readable byte (bytes beyond `end` are read only to finish a line).
    let limit: Int

    private static let impersonating: StaticString = "impersonating"
    private static let myAddress: StaticString = "_my_ address"
    private static let newline = UInt8(ascii: "\n")

    /// A line that holds a marker: its bounds and the newlines in `[start, lineStart)`.
    struct Hit {
        var lineStart: Int
        var lineEnd: Int
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
        while i + 32 <= end, i + 44 <= limit {
            let a0 = load(i), a3 = load(i + 3), a12 = load(i + 12)
            let b0 = load(i + 16), b3 = load(i + 19), b12 = load(i + 28)
            let ma = ((a0 .== ci) .& (a12 .== cg)) .| ((a0 .== cu) .& (a3 .== cu))
            let mb = ((b0 .== ci) .& (b12 .== cg)) .| ((b0 .== cu) .& (b3 .== cu))
            if Self.anySet(ma .| mb) {
                // Flush before these blocks' newlines are added, so the count is "newlines before i".
                counted += Self.sum(lanes)
                lanes = zero
                for k in 0..<16 where ma[k] {
                    if let hit = check(i + k, blockStart: i, newlinesBefore: counted) { found(hit) }
                }
                for k in 0..<16 where mb[k] {
                    if let hit = check(i + 16 + k, blockStart: i, newlinesBefore: counted) { found(hit) }
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
            if base[i] == Self.newline { counted += 1 }
            let b = base[i]
            if b == UInt8(ascii: "i") || b == UInt8(ascii: "_"), let hit = check(i, blockStart: i, newlinesBefore: counted) { found(hit) }
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

    /// Confirms a marker at `p`, and that it is the first one in its line (a line with two markers,
    /// or one split across scan ranges, is reported once).
    private func check(_ p: Int, blockStart: Int, newlinesBefore: Int) -> Hit? {
        let b = base[p]
        guard b == UInt8(ascii: "i") && matches(Self.impersonating, at: p) || b == UInt8(ascii: "_") && matches(Self.myAddress, at: p) else { return nil }
        let lineStart = lineStart(before: p)
        if containsMarker(lineStart, p) { return nil }
        var extra = 0
        var j = blockStart
        while j < p { if base[j] == Self.newline { extra += 1 }; j += 1 }
        let end = memchr(base + p, Int32(Self.newline), limit - p).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? limit
        return Hit(lineStart: lineStart, lineEnd: end, newlinesBefore: newlinesBefore + extra)
    }

    private func matches(_ needle: StaticString, at p: Int) -> Bool {
        // A StaticString: no array to retain and no lazy global to check per compare.
        let n = needle.utf8CodeUnitCount
        return p + n <= limit && memcmp(base + p, needle.utf8Start, n) == 0
    }

    /// memrchr is a GNU extension Swift does not import; lines are short, so a byte loop will do.
    private func lineStart(before p: Int) -> Int {
        var j = p
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
