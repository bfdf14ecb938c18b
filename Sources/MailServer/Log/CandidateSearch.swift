import CLogScan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the lines that contain a rejection marker ("impersonating", "_my_ address") in raw log
/// bytes, and counts newlines on the way so each hit gets its line number.
///
/// Scanning is the whole cost of reading a log, so the search for candidates runs in C
/// (`cls_next_candidate`, with AVX-512, AVX2 or SSE2 as the CPU allows): a position is a candidate
/// when its byte and one a fixed distance on match a marker (`i…g` twelve apart, `_.._`); only
/// candidates are compared in full here. One pass serves both markers and the line count.
/// A confirmed hit sends the scan on to the end of its line, so nothing else in a reported line is
/// looked at twice (a flood has a marker in one line of twenty).
struct CandidateSearch {
    /// The bytes; valid from index 0 to `limit`.
    let base: UnsafePointer<UInt8>
    /// One past the last readable byte (bytes beyond `end` are read only to finish a line).
    let limit: Int
    /// The instruction set of the candidate search: the CPU's best, or one a test picks.
    let level: Level

    init(base: UnsafePointer<UInt8>, limit: Int, level: Level = .best) {
        self.base = base
        self.limit = limit
        self.level = level
    }

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

    /// Scans `[start, end)` (`end <= limit`) and calls `found` once per line whose first marker
    /// lies in the range. Returns the newlines in the range.
    func scan(from start: Int, to end: Int, found: (Hit) -> Void) -> Int {
        var i = start
        var counted = 0
        while i < end {
            let next = cls_next_candidate(base, i, end, limit, level.rawValue)
            counted += next.newlines
            let p = next.position
            guard p < end else { break }
            guard case let (hit, isNew)? = check(p, scanStart: start, newlinesBefore: counted) else {
                i = p + 1
                continue
            }
            if isNew { found(hit) }
            // The line is dealt with: go on after its end (no newline lies between the marker and it).
            counted = hit.newlinesBefore
            guard hit.lineEnd < end else { return counted }
            counted += 1
            i = hit.lineEnd + 1
        }
        return counted
    }

    /// Confirms a marker at `p` and finds its line, `isNew` false when the line was reported already.
    /// The scan skips the rest of a line it reported, so the marker is the first of its line unless
    /// the line began before `scanStart`: then the scan of the range before reported it if it has a
    /// marker there (and this scan skips it too, so a long line full of markers is searched once).
    /// `newlinesBefore` counts up to `p`: the same as up to the line start, as no newline lies between.
    private func check(_ p: Int, scanStart: Int, newlinesBefore: Int) -> (Hit, isNew: Bool)? {
        let b = base[p]
        guard b == UInt8(ascii: "i") && matches(Self.impersonating, at: p) || b == UInt8(ascii: "_") && matches(Self.myAddress, at: p) else { return nil }
        let lineStart = lineStart(before: p)
        let isNew = lineStart >= scanStart || !containsMarker(lineStart, scanStart)
        let end = memchr(base + p, Int32(Self.newline), limit - p).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? limit
        return (Hit(lineStart: lineStart, lineEnd: end, marker: p, newlinesBefore: newlinesBefore), isNew)
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
