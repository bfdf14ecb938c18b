import CLibcExtras

/// The (address text, greeting) pairs of counted rejection lines, each with what ``ScanTally``
/// needs to count a line of it: the address, the greeting and the group, and, once its group
/// holds all its samples and a first time stamp, the pair's own count and last time stamp.
///
/// The scan streams the log through the caches, so no table stays in them and a flood line's cost
/// was mostly cache misses: a slot, then the record it points to, then the group's counters, each
/// a miss that waits for the one before, and the bigger the table the dearer the miss (a C loop
/// over the flood log with one look-up per rejection: about 20 ns in a 128 KB table, 60 ns in
/// 1 MB, 90 ns in 2 MB). So the slots stay small (8 bytes: a hash tag and the pair's number), and
/// a pair is one 128-byte record, aligned to its two cache lines: the first holds the key (up to
/// 32 bytes inline, the greeting folded to lower case), the ids and the count; the second the last
/// time stamp, which a counted line only writes (nothing waits for a store). A line of a group
/// that takes no more samples is counted there (``countHere(_:stamp:sequence:)``), and
/// ``ScanTally`` adds those counts to its groups before it reads them (``addCounts(to:)``).
struct PairTable: Sendable {
    /// Open addressing, at most half full: 0 for an empty slot, else the hash's high 32 bits and
    /// the pair's number + 1.
    private var slots = [UInt64](repeating: 0, count: 1024)
    /// `stride` words a pair (see the `w…` offsets), from word `skip`.
    private var records: [UInt64] = []
    /// Words before the first record, so records start on a 128-byte boundary (an array's storage
    /// is 16-byte aligned; a copy may lose this, which only costs speed).
    private var skip = 0
    /// Keys longer than `inlineKey`, back to back (the record holds the offset).
    private var overflow: [UInt8] = []
    private(set) var count = 0

    private static let stride = 16
    /// Word offsets in a record: the first cache line (read by every look-up), then the second
    /// (written by counted lines). The key starts at byte `keyByte`.
    private static let wHash = 0, wIDs = 1, wGreeting = 2, wCount = 3, keyByte = 32
    private static let wSequence = 8, wStampLength = 9, wStamp = 10, wOverflow = 14
    /// The bit of `wGreeting` set when the pair's lines are counted in its record.
    private static let countsHereBit: UInt64 = 1 << 31
    /// Bytes of a time stamp and of a key kept inline.
    static let inlineStamp = 32
    private static let inlineKey = 32
    private static let noAddress = 0xFFFF

    init() {
        reserve(256)
    }

    /// Room for `pairs` records, moved to a fresh 128-byte boundary.
    private mutating func reserve(_ pairs: Int) {
        var bigger = [UInt64](repeating: 0, count: pairs * Self.stride + Self.stride)
        let address = bigger.withUnsafeBufferPointer { Int(bitPattern: $0.baseAddress) }
        let newSkip = (128 - address % 128) % 128 / 8
        let used = count * Self.stride
        if used > 0 {
            bigger.withUnsafeMutableBufferPointer { to in
                records.withUnsafeBufferPointer { from in
                    for k in 0..<used { to[newSkip + k] = from[skip + k] }
                }
            }
        }
        records = bigger
        skip = newSkip
    }

    /// The hash of a pair: the address's bytes, then the greeting's folded to lower case, eight
    /// bytes at a time.
    static func hash(ip: UnsafeBufferPointer<UInt8>?, helo: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(helo.count) ^ UInt64(ip?.count ?? noAddress) << 16
        if let ip { h = mix(ip, fold: false, into: h) }
        h = mix(helo, fold: true, into: h)
        h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return (h ^ (h >> 33)) | 1
    }

    @inline(__always) private static func mix(_ bytes: UnsafeBufferPointer<UInt8>, fold: Bool, into start: UInt64) -> UInt64 {
        var h = start
        let n = bytes.count
        guard let base = bytes.baseAddress else { return h }
        var i = 0
        while i + 8 <= n {
            var w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if fold { w = lower(word: w) }
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < n {
            h = (h ^ tail(base + i, n - i, fold: fold)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
        }
        return h
    }

    /// The last `count` (< 8) bytes as one word, low byte first; the line may end right after
    /// them, so they are read one by one.
    @inline(__always) private static func tail(_ p: UnsafePointer<UInt8>, _ count: Int, fold: Bool) -> UInt64 {
        var w: UInt64 = 0
        var k = 0
        while k < count {
            w |= UInt64(fold ? lower(p[k]) : p[k]) << UInt64(k << 3)
            k += 1
        }
        return w
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }

    /// ASCII upper case to lower case in all eight bytes of a word at once (bytes of 0x80 and
    /// above are left as they are).
    @inline(__always) private static func lower(word w: UInt64) -> UInt64 {
        let low7 = w & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F
        let aboveZ = low7 &+ 0x2525_2525_2525_2525
        let upper = atLeastA & ~aboveZ & ~w & 0x8080_8080_8080_8080
        return w | (upper >> 2)
    }

    // MARK: - Look-up

    /// The pair's number, or nil when it is new (then ``add(ip:helo:hash:address:greeting:)``).
    func find(ip: UnsafeBufferPointer<UInt8>?, helo: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        probe(ip, helo, hash).found
    }

    private func probe(_ ip: UnsafeBufferPointer<UInt8>?, _ helo: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> (found: Int?, slot: Int) {
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash >> 1) & mask
        return slots.withUnsafeBufferPointer { table in
            records.withUnsafeBufferPointer { w in
                overflow.withUnsafeBufferPointer { long in
                    while true {
                        let entry = table[slot]
                        if entry == 0 { return (nil, slot) }
                        if entry & 0xFFFF_FFFF_0000_0000 == tag {
                            let pair = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                            let at = skip + pair * Self.stride
                            if w[at + Self.wHash] == hash, Self.equals(w, at, long, ip, helo) { return (pair, slot) }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Starts fetching the slot a look-up of `hash` reads first (see ``WaitingLines``).
    func prefetchSlot(_ hash: UInt64) {
        slots.withUnsafeBufferPointer { table in
            cx_prefetch(table.baseAddress! + (Int(truncatingIfNeeded: hash >> 1) & (table.count - 1)))
        }
    }

    /// Starts fetching the record a look-up of `hash` compares first (its slot, fetched a line
    /// before, is in the cache by now).
    func prefetchRecord(_ hash: UInt64) {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        slots.withUnsafeBufferPointer { table in
            let mask = table.count - 1
            var slot = Int(truncatingIfNeeded: hash >> 1) & mask
            while table[slot] != 0 {
                if table[slot] & 0xFFFF_FFFF_0000_0000 == tag {
                    let pair = Int(truncatingIfNeeded: table[slot] & 0xFFFF_FFFF) - 1
                    records.withUnsafeBufferPointer { cx_prefetch($0.baseAddress! + skip + pair * Self.stride) }
                    return
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func equals(_ w: UnsafeBufferPointer<UInt64>, _ at: Int, _ long: UnsafeBufferPointer<UInt8>,
                               _ ip: UnsafeBufferPointer<UInt8>?, _ helo: UnsafeBufferPointer<UInt8>) -> Bool {
        let lengths = w[at + wGreeting] >> 32
        let ipCount = Int(lengths & 0xFFFF), heloCount = Int(lengths >> 16)
        guard heloCount == helo.count, ipCount == (ip?.count ?? noAddress) else { return false }
        let keyBytes = (ip?.count ?? 0) + heloCount
        let key = keyBytes <= inlineKey
            ? UnsafeRawPointer(w.baseAddress! + at).assumingMemoryBound(to: UInt8.self) + keyByte
            : long.baseAddress! + Int(w[at + wOverflow])
        var k = 0
        if let ip {
            guard same(key, ip, fold: false) else { return false }
            k = ip.count
        }
        return same(key + k, helo, fold: true)
    }

    /// Whether the stored bytes at `stored` are `bytes` (folded when `fold`), a word at a time.
    @inline(__always) private static func same(_ stored: UnsafePointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, fold: Bool) -> Bool {
        let n = bytes.count
        guard let base = bytes.baseAddress else { return true }
        var i = 0
        while i + 8 <= n {
            var w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if fold { w = lower(word: w) }
            if w != UnsafeRawPointer(stored + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        return i == n || tail(base + i, n - i, fold: fold) == tail(stored + i, n - i, fold: false)
    }

    /// Adds a pair not in the table; returns its number. Greeting ids must stay below 2^31.
    mutating func add(ip: UnsafeBufferPointer<UInt8>?, helo: UnsafeBufferPointer<UInt8>, hash: UInt64, address: Int, greeting: Int) -> Int {
        if (count + 1) * 2 > slots.count { growSlots() }
        if (count + 1) * Self.stride > records.count - Self.stride { reserve(max(256, count * 2)) }
        let slot = probe(ip, helo, hash).slot
        let pair = count
        let at = skip + pair * Self.stride
        let keyBytes = (ip?.count ?? 0) + helo.count
        if keyBytes > Self.inlineKey {
            records[at + Self.wOverflow] = UInt64(overflow.count)
            if let ip { overflow += ip }
            for c in helo { overflow.append(Self.lower(c)) }
        }
        records.withUnsafeMutableBufferPointer { w in
            w[at + Self.wHash] = hash
            w[at + Self.wIDs] = UInt64(UInt32(bitPattern: Int32(-1))) | UInt64(UInt32(bitPattern: Int32(address))) << 32
            w[at + Self.wGreeting] = UInt64(UInt32(greeting)) | UInt64(ip?.count ?? Self.noAddress) << 32 | UInt64(helo.count) << 48
            if keyBytes <= Self.inlineKey {
                let key = UnsafeMutableRawPointer(w.baseAddress! + at).assumingMemoryBound(to: UInt8.self) + Self.keyByte
                var k = 0
                if let ip {
                    for c in ip { key[k] = c; k += 1 }
                }
                for c in helo { key[k] = Self.lower(c); k += 1 }
            }
        }
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(pair + 1)
        count += 1
        return pair
    }

    private mutating func growSlots() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        records.withUnsafeBufferPointer { w in
            for entry in slots where entry != 0 {
                let pair = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                var slot = Int(truncatingIfNeeded: w[skip + pair * Self.stride + Self.wHash] >> 1) & mask
                while bigger[slot] != 0 { slot = (slot + 1) & mask }
                bigger[slot] = entry
            }
        }
        slots = bigger
    }

    // MARK: - What a record holds

    @inline(__always) private func word(_ pair: Int, _ field: Int) -> UInt64 {
        records.withUnsafeBufferPointer { $0[skip + pair * Self.stride + field] }
    }

    /// The address index stored with a pair (-1: not an address).
    func address(_ pair: Int) -> Int { Int(Int32(bitPattern: UInt32(truncatingIfNeeded: word(pair, Self.wIDs) >> 32))) }
    /// The greeting id stored with a pair.
    func greeting(_ pair: Int) -> Int { Int(UInt32(truncatingIfNeeded: word(pair, Self.wGreeting) & ~Self.countsHereBit)) }
    /// The group of a pair, -1 until one is set.
    func group(_ pair: Int) -> Int { Int(Int32(bitPattern: UInt32(truncatingIfNeeded: word(pair, Self.wIDs)))) }

    mutating func setGroup(_ pair: Int, _ group: Int) {
        let at = skip + pair * Self.stride + Self.wIDs
        records.withUnsafeMutableBufferPointer { $0[at] = $0[at] & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(bitPattern: Int32(group))) }
    }

    /// Whether the pair's lines are counted in its record (its group takes no more samples and
    /// has its first time stamp, so a line changes only the count and the last stamp).
    func countsHere(_ pair: Int) -> Bool { word(pair, Self.wGreeting) & Self.countsHereBit != 0 }

    /// From now on the pair's lines are counted in its record.
    mutating func countHereFromNow(_ pair: Int) {
        let at = skip + pair * Self.stride + Self.wGreeting
        records.withUnsafeMutableBufferPointer { $0[at] |= Self.countsHereBit }
    }

    /// Counts a line in the pair's record; `stamp` (at most ``inlineStamp`` bytes) becomes its last
    /// time stamp, `sequence` telling which of the group's lines came last.
    @inline(__always) mutating func countHere(_ pair: Int, stamp: UnsafeBufferPointer<UInt8>?, sequence: Int) {
        let at = skip + pair * Self.stride
        records.withUnsafeMutableBufferPointer { w in
            w[at + Self.wCount] &+= 1
            guard let stamp, let from = stamp.baseAddress else { return }
            w[at + Self.wSequence] = UInt64(sequence)
            w[at + Self.wStampLength] = UInt64(stamp.count + 1)
            UnsafeMutableRawPointer(w.baseAddress! + at + Self.wStamp).copyMemory(from: from, byteCount: stamp.count)
        }
    }

    /// Adds the lines counted in records to their groups' figures in `groups`.
    func addCounts(to groups: inout GroupCounters) {
        records.withUnsafeBufferPointer { w in
            for pair in 0..<count {
                let at = skip + pair * Self.stride
                guard w[at + Self.wCount] != 0 else { continue }
                let g = Int(Int32(bitPattern: UInt32(truncatingIfNeeded: w[at + Self.wIDs])))
                _ = groups.add(Int(w[at + Self.wCount]), to: g)
                let length = Int(w[at + Self.wStampLength])
                if length > 0 {
                    let stamp = UnsafeBufferPointer(start: UnsafeRawPointer(w.baseAddress! + at + Self.wStamp).assumingMemoryBound(to: UInt8.self),
                                                    count: length - 1)
                    groups.setLastSeen(g, stamp, sequence: Int(w[at + Self.wSequence]))
                }
            }
        }
    }

    /// Forgets the lines counted in records (once ``addCounts(to:)`` gave them to the groups).
    mutating func clearCounts() {
        let skip = skip
        records.withUnsafeMutableBufferPointer { w in
            for pair in 0..<count {
                w[skip + pair * Self.stride + Self.wCount] = 0
                w[skip + pair * Self.stride + Self.wStampLength] = 0
            }
        }
    }
}
