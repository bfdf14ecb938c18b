/// The (address text, greeting) pairs of counted rejection lines, each with what ``ScanTally``
/// needs to count a line of it: the address, the greeting and the group, in one record.
///
/// A flood line's cost was mostly cache misses (the scan streams the log through the caches, so
/// no table stays in them): a ``ByteInterner`` look-up (its slot, the value's bounds, its bytes)
/// and then the pair's ids in arrays of their own. Here a look-up reads the slot and one record,
/// which holds the key and the ids side by side, and the key is compared as it is read from the
/// line (the greeting folded on the fly), never copied first.
struct PairTable: Sendable {
    /// Open addressing, at most half full: 0 for an empty slot, else the hash's high 32 bits and
    /// the record's offset + 1.
    private var slots: [UInt64] = [UInt64](repeating: 0, count: 1024)
    /// Records back to back: address index, greeting id and group (Int32 each), the address's
    /// length (UInt16, `noAddress` when the line named none) and the greeting's, then the address
    /// bytes and the greeting's bytes folded to lower case.
    private var records: [UInt8] = []
    private(set) var count = 0

    private static let header = 16
    private static let noAddress = 0xFFFF

    /// The record of the pair, or nil when it is new (then ``add(ip:helo:address:group:greeting:)``).
    func find(ip: UnsafeBufferPointer<UInt8>?, helo: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(ip, helo)
        return probe(ip, helo, hash).found
    }

    /// Adds a pair not in the table; returns its record.
    mutating func add(ip: UnsafeBufferPointer<UInt8>?, helo: UnsafeBufferPointer<UInt8>, address: Int, greeting: Int) -> Int {
        let hash = Self.hash(ip, helo)
        let slot = probe(ip, helo, hash).slot
        let offset = records.count
        var head = [UInt8](repeating: 0, count: Self.header)
        head.withUnsafeMutableBytes { h in
            h.storeBytes(of: Int32(address), toByteOffset: 0, as: Int32.self)
            h.storeBytes(of: Int32(greeting), toByteOffset: 4, as: Int32.self)
            h.storeBytes(of: Int32(-1), toByteOffset: 8, as: Int32.self)
            h.storeBytes(of: UInt16(ip?.count ?? Self.noAddress), toByteOffset: 12, as: UInt16.self)
            h.storeBytes(of: UInt16(helo.count), toByteOffset: 14, as: UInt16.self)
        }
        records += head
        if let ip { records += ip }
        for b in helo { records.append(ByteInterner.lower(b)) }
        slots[slot] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(offset + 1)
        count += 1
        if count * 2 > slots.count { grow() }
        return offset
    }

    /// The address index stored with a record (-1: not an address).
    func address(_ record: Int) -> Int { Int(load(record, 0)) }
    /// The greeting id stored with a record.
    func greeting(_ record: Int) -> Int { Int(load(record, 4)) }
    /// The group of a record, -1 until one is set.
    func group(_ record: Int) -> Int { Int(load(record, 8)) }

    mutating func setGroup(_ record: Int, _ group: Int) {
        records.withUnsafeMutableBytes { $0.storeBytes(of: Int32(group), toByteOffset: record + 8, as: Int32.self) }
    }

    private func load(_ record: Int, _ field: Int) -> Int32 {
        records.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: record + field, as: Int32.self) }
    }

    private func probe(_ ip: UnsafeBufferPointer<UInt8>?, _ helo: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> (found: Int?, slot: Int) {
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { table in
            records.withUnsafeBytes { stored in
                while true {
                    let entry = table[slot]
                    if entry == 0 { return (nil, slot) }
                    if entry & 0xFFFF_FFFF_0000_0000 == tag {
                        let offset = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                        if Self.equals(stored, offset, ip, helo) { return (offset, slot) }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private static func equals(_ stored: UnsafeRawBufferPointer, _ offset: Int, _ ip: UnsafeBufferPointer<UInt8>?, _ helo: UnsafeBufferPointer<UInt8>) -> Bool {
        let ipCount = Int(stored.loadUnaligned(fromByteOffset: offset + 12, as: UInt16.self))
        let heloCount = Int(stored.loadUnaligned(fromByteOffset: offset + 14, as: UInt16.self))
        guard heloCount == helo.count, ipCount == (ip?.count ?? noAddress) else { return false }
        var at = offset + header
        if let ip {
            for b in ip {
                if stored[at] != b { return false }
                at += 1
            }
        }
        for b in helo {
            if stored[at] != ByteInterner.lower(b) { return false }
            at += 1
        }
        return true
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for entry in slots where entry != 0 {
            let offset = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            let hash = records.withUnsafeBytes { stored -> UInt64 in
                let ipCount = Int(stored.loadUnaligned(fromByteOffset: offset + 12, as: UInt16.self))
                let heloCount = Int(stored.loadUnaligned(fromByteOffset: offset + 14, as: UInt16.self))
                let base = stored.baseAddress!.assumingMemoryBound(to: UInt8.self) + offset + Self.header
                let ipBytes = ipCount == Self.noAddress ? nil : UnsafeBufferPointer(start: base, count: ipCount)
                // Stored greetings are folded already, so hashing them again gives the same hash.
                return Self.hash(ipBytes, UnsafeBufferPointer(start: base + (ipBytes?.count ?? 0), count: heloCount))
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = entry & 0xFFFF_FFFF | (hash & 0xFFFF_FFFF_0000_0000)
        }
        slots = bigger
    }

    /// The address's bytes, a separator no address holds, then the greeting folded to lower case;
    /// multiply and shift per byte, a final mix so every bit counts.
    private static func hash(_ ip: UnsafeBufferPointer<UInt8>?, _ helo: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(helo.count)
        if let ip {
            for b in ip { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            h = (h ^ 0x1_00) &* 0x100_0000_01B3
        }
        for b in helo { h = (h ^ UInt64(ByteInterner.lower(b))) &* 0x100_0000_01B3 }
        h = (h ^ (h >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        h = (h ^ (h >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}
