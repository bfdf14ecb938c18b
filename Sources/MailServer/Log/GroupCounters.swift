#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The figures of a ``ScanTally`` group that every counted line changes (its count, how many
/// samples it holds, its last time stamp), 64 bytes a group in one flat buffer.
///
/// The log scan streams a gigabyte through the caches, so every table a counted line touches is
/// a cache miss: with the count, the last-seen bytes and the samples each behind their own pointer
/// in the group's record, a flood line cost several. Here a line touches one record.
struct GroupCounters: Sendable {
    /// Per group: word 0 the count; word 1 the stamp's length + 1 in its low byte (0: none seen,
    /// 255: too long to keep inline, see `longStamps`) and the sample count in the next; words 2 to
    /// 7 the stamp's bytes.
    private var words: [UInt64] = []
    /// Last-seen stamps longer than `inlineBytes`, by group.
    private var longStamps: [Int: [UInt8]] = [:]
    /// Per group, which counted line the last stamp came from (the tally's running count then):
    /// a group's lines are counted in its record and in its pairs' buckets (``PairTable``), and
    /// when those are added up the later line's stamp must win.
    private var sequences: [Int] = []
    private static let stride = 8
    private static let inlineBytes = 48

    /// Adds a group with nothing counted.
    mutating func addGroup() {
        words.append(contentsOf: repeatElement(0, count: Self.stride))
        sequences.append(0)
    }

    /// Lines counted for group `g`.
    func count(_ g: Int) -> Int { Int(words[g * Self.stride]) }

    /// Samples group `g` holds.
    func samples(_ g: Int) -> Int { Int(words[g * Self.stride + 1] >> 8 & 0xFF) }

    /// Whether a time stamp was counted for `g`.
    func hasStamp(_ g: Int) -> Bool { words[g * Self.stride + 1] & 0xFF != 0 }

    /// The last time stamp counted for `g`, nil when none was.
    func lastSeen(_ g: Int) -> [UInt8]? {
        let length = Int(words[g * Self.stride + 1] & 0xFF)
        if length == 0 { return nil }
        if length == 255 { return longStamps[g] }
        return words.withUnsafeBytes { Array(UnsafeRawBufferPointer(rebasing: $0[(g * Self.stride + 2) * 8 ..< (g * Self.stride + 2) * 8 + length - 1])) }
    }

    /// Adds `n` lines to group `g`; returns the count before.
    mutating func add(_ n: Int, to g: Int) -> Int {
        let before = words[g * Self.stride]
        words[g * Self.stride] = before + UInt64(n)
        return Int(before)
    }

    /// Notes that group `g` took one more sample.
    mutating func tookSample(_ g: Int) {
        words[g * Self.stride + 1] += 0x100
    }

    /// Makes `stamp` group `g`'s last time stamp, unless the stamp it has came from a later line
    /// (a greater `sequence`).
    mutating func setLastSeen(_ g: Int, _ stamp: UnsafeBufferPointer<UInt8>, sequence: Int) {
        guard sequence > sequences[g] else { return }
        sequences[g] = sequence
        let at = g * Self.stride
        guard stamp.count <= Self.inlineBytes else {
            longStamps[g] = Array(stamp)
            words[at + 1] = words[at + 1] & ~0xFF | 255
            return
        }
        words.withUnsafeMutableBufferPointer { w in
            w[at + 1] = w[at + 1] & ~0xFF | UInt64(stamp.count + 1)
            if let from = stamp.baseAddress { memcpy(UnsafeMutableRawPointer(w.baseAddress! + at + 2), from, stamp.count) }
        }
    }
}
