#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives each distinct byte string a small integer and keeps its bytes once.
///
/// `Dictionary<String, …>` was the top cost of reading a 100,000-domain server (`perf`: SipHash
/// seeding, resizing and `memcmp` of `String` keys), and a flood log has 180,000 rejections from a
/// few thousand senders: both now hash short byte runs eight bytes at a time into one
/// open-addressing table and make a `String` only per distinct value. Lookups fold ASCII upper case
/// when asked (names are compared case-insensitively); the stored bytes are then the folded ones.
struct ByteInterner: Sendable {
    /// The bytes of every value, back to back.
    private var storage: [UInt8] = []
    /// Where value `id` starts in `storage`; value `id` ends where `id + 1` starts.
    private var starts: [Int] = [0]
    /// Open addressing, at most half full: 0 for an empty slot, else the hash's high 32 bits and
    /// `id + 1` in one word, so a probe rarely needs to look at the bytes of a different value.
    private var slots: [UInt64]

    /// Creates a table sized for about `capacity` values (no re-hashing until then).
    init(capacity: Int = 32) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        starts.reserveCapacity(capacity + 1)
    }

    /// Values interned so far.
    var count: Int { starts.count - 1 }

    /// The id of `bytes` (ASCII-folded to lower case when `fold`), adding it when new.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>, fold: Bool) -> Int {
        id(of: bytes, hash: Self.hash(bytes, fold: fold), fold: fold)
    }

    /// ``id(of:fold:)`` with the hash already computed (``hash(_:fold:)``, with the same `fold`),
    /// e.g. to ``warm(_:_:)`` the slots of the values coming next first.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, fold: Bool) -> Int {
        let (found, slot) = find(bytes, hash: hash, fold: fold)
        if let found { return found }
        let id = count
        if fold {
            for b in bytes { storage.append(Self.lower(b)) }
        } else {
            storage.append(contentsOf: bytes)
        }
        starts.append(storage.count)
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
        if count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `text`'s UTF-8 bytes (see ``id(of:fold:)``).
    mutating func id(of text: String, fold: Bool) -> Int {
        var text = text
        return text.withUTF8 { id(of: $0, fold: fold) }
    }

    /// The id of `bytes` if it was interned, without adding it.
    func existing(_ bytes: UnsafeBufferPointer<UInt8>, fold: Bool) -> Int? {
        find(bytes, hash: Self.hash(bytes, fold: fold), fold: fold).found
    }

    /// The id of `text` if it was interned.
    func existing(_ text: String, fold: Bool) -> Int? {
        var text = text
        return text.withUTF8 { existing($0, fold: fold) }
    }

    /// ``existing(_:fold:)`` (no folding) with the hash already computed (``hash(_:fold:)``).
    func existing(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        find(bytes, hash: hash, fold: false).found
    }

    /// Loads what a look-up of a value with this hash compares first (its slot, where the value
    /// there starts, its first byte), so a look-up soon after finds them in the cache: a batch of
    /// these in a row waits for the memory once instead of once per value. What goes into `sink`
    /// means nothing; it only keeps the loads from being optimized away.
    /// Returns the id in the hash's first slot (-1 when empty), a likely answer.
    func warm(_ hash: UInt64, _ sink: inout UInt64) -> Int {
        let entry = slots[Int(truncatingIfNeeded: hash) & (slots.count - 1)]
        guard entry != 0 else { return -1 }
        let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
        let start = starts[id]
        sink &+= start < storage.count ? UInt64(storage[start]) : 1
        return id
    }

    /// Whether value `id` is exactly `bytes` (no folding).
    func holds(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        equals(id, bytes, fold: false)
    }

    /// The stored bytes of `id`.
    func bytes(_ id: Int) -> ArraySlice<UInt8> { storage[starts[id]..<starts[id + 1]] }

    /// The value of `id` as text.
    func string(_ id: Int) -> String { String(decoding: bytes(id), as: UTF8.self) }

    /// Every id, in the `memcmp` order of the values' bytes (a value before the longer ones it
    /// begins), which is `String` order for ASCII text.
    ///
    /// Sorted on each value's first sixteen bytes as two big-endian numbers (zeros after a shorter
    /// value), the bytes after them compared only on a tie: 100,000 names need 1.7 million
    /// comparisons, each a trip into the names otherwise.
    func idsInByteOrder() -> [Int] {
        storage.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                func key(_ id: Int, from offset: Int) -> UInt64 {
                    let start = starts[id] + offset, n = min(max(starts[id + 1] - start, 0), 8)
                    var key: UInt64 = 0
                    for i in 0..<n { key |= UInt64(bytes[start + i]) << (56 - 8 * i) }
                    return key
                }
                var keyed = (0..<count).map { (first: key($0, from: 0), second: key($0, from: 8), id: $0) }
                keyed.sort { a, b in
                    if a.first != b.first { return a.first < b.first }
                    if a.second != b.second { return a.second < b.second }
                    // Equal keys: the first sixteen bytes (or all of the shorter value) are equal.
                    let xs = starts[a.id], xn = starts[a.id + 1] - xs, ys = starts[b.id], yn = starts[b.id + 1] - ys
                    let n = min(xn, yn)
                    let c = n > 16 ? memcmp(bytes.baseAddress! + xs + 16, bytes.baseAddress! + ys + 16, n - 16) : 0
                    return c != 0 ? c < 0 : xn < yn
                }
                return keyed.map(\.id)
            }
        }
    }

    /// The value's id, or the empty slot where it would go.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, fold: Bool) -> (found: Int?, slot: Int) {
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { table in
            while true {
                let entry = table[slot]
                if entry == 0 { return (nil, slot) }
                if entry & 0xFFFF_FFFF_0000_0000 == tag {
                    let id = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if equals(id, bytes, fold: fold) { return (id, slot) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>, fold: Bool) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == bytes.count else { return false }
        guard bytes.count > 0 else { return true }
        return storage.withUnsafeBufferPointer { stored in
            if !fold { return Self.same(stored.baseAddress! + start, bytes.baseAddress!, bytes.count) }
            for i in 0..<bytes.count where stored[start + i] != Self.lower(bytes[i]) { return false }
            return true
        }
    }

    /// `memcmp(a, b, n) == 0` without the call: names are short, and this runs for every look-up.
    @inline(__always) private static func same(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            guard UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) else { return false }
            i += 8
        }
        while i < n {
            guard a[i] == b[i] else { return false }
            i += 1
        }
        return true
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        storage.withUnsafeBufferPointer { stored in
            for id in 0..<count {
                // Stored bytes are already folded, so hashing them unfolded gives the same hash.
                let value = UnsafeBufferPointer(rebasing: stored[starts[id]..<starts[id + 1]])
                let hash = Self.hash(value, fold: false)
                var slot = Int(truncatingIfNeeded: hash) & mask
                while bigger[slot] != 0 { slot = (slot + 1) & mask }
                bigger[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
            }
        }
        slots = bigger
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    /// ASCII upper case to lower case in all eight bytes of a word at once.
    @inline(__always) private static func lower(word w: UInt64) -> UInt64 {
        let low7 = w & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F // high bit set when the byte is >= "A"
        let aboveZ = low7 &+ 0x2525_2525_2525_2525 // high bit set when the byte is > "Z"
        let upper = atLeastA & ~aboveZ & ~w & 0x8080_8080_8080_8080
        return w | (upper >> 2)
    }

    /// Eight bytes at a time, multiply and shift per word, a final mix so every bit counts.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, fold: Bool) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            var w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if fold { w = lower(word: w) }
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                w |= UInt64(fold ? lower(base[i]) : base[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
        }
        h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}
