/// The fast path for big domain files of the usual shape (``PlainDomainLines``): keys go from the
/// bytes to the domain table, one hash per line, with the same domains, sources, owners and
/// duplicate-key diagnostics as the general path (``LsearchParser``), which every other file takes.
extension SnapshotBuilder {
    /// ``readDomainList(_:as:)`` for a plain file; `false` (nothing done) when it is not plain.
    mutating func readPlainDomainList(_ path: String, _ bytes: [UInt8], as list: DomainList) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            guard let plain = PlainDomainLines.list(buf) else { return false }
            domains.reserve(plain.keys.count)
            // The line each domain was first listed on in this file, 0 when not yet.
            var first = [Int32](repeating: 0, count: domains.count + plain.keys.count)
            // A new name's slot is anywhere in the table, a cache miss each: the slots of sixteen
            // names are fetched together before they are added, so the misses overlap.
            let hashes = plain.keys.map { DomainTable.hash(UnsafeBufferPointer(rebasing: buf[$0])) }
            var sink: UInt64 = 0
            for (i, (line, key)) in zip(plain.lines, plain.keys).enumerated() {
                if i % 16 == 0 { for h in hashes[i..<min(i + 16, hashes.count)] { domains.warm(h, &sink) } }
                let name = UnsafeBufferPointer(rebasing: buf[key])
                let id = domains.add(list, at: SourceLocation(file: path, line: line), toHostName: name, hash: hashes[i])
                if first[id] == 0 { first[id] = Int32(line) } else { duplicate(name, buf, key, line: line, first: Int(first[id]), path) }
            }
            Self.keep(sink)
            return true
        }
    }

    /// ``readOwners(_:)`` for a plain file; `false` (nothing done) when it is not plain.
    mutating func readPlainOwners(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let plain = bytes.withUnsafeBufferPointer({ PlainDomainLines.owners($0) }) else { return false }
        applyPlainOwners(path, bytes, plain)
        return true
    }

    /// How ``readOwners(_:_:plain:)`` takes an owner file: its plain shape still to be looked
    /// for, or already found (on another thread, beside the domain lists).
    enum PlainOwners {
        case scan
        case found(PlainDomainLines)
    }

    /// Records the owners of a file whose plain shape is `plain` (found in `bytes`).
    mutating func applyPlainOwners(_ path: String, _ bytes: [UInt8], _ plain: PlainDomainLines) {
        bytes.withUnsafeBufferPointer { buf in
            var first = [Int32](repeating: 0, count: domains.count + plain.keys.count)
            var firstDefault = 0, last = -1
            for i in plain.keys.indices {
                let key = plain.keys[i], line = plain.lines[i]
                let name = UnsafeBufferPointer(rebasing: buf[key])
                // `*:` is the lookup's default, not a domain; it can still be listed twice.
                if name.count == 1 && name[0] == UInt8(ascii: "*") {
                    if firstDefault == 0 { firstDefault = line } else { duplicate(name, buf, key, line: line, first: firstDefault, path) }
                    continue
                }
                let id = domains.claim(name, by: accounts.name(UnsafeBufferPointer(rebasing: buf[plain.values[i]])), guess: last + 1)
                last = id
                if first[id] == 0 { first[id] = Int32(line) } else { duplicate(name, buf, key, line: line, first: Int(first[id]), path) }
            }
        }
    }

    private mutating func duplicate(_ name: UnsafeBufferPointer<UInt8>, _ buf: UnsafeBufferPointer<UInt8>, _ key: Range<Int>,
                                    line: Int, first: Int, _ path: String) {
        var end = key.upperBound
        while buf[end] != 0x0A { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buf[key.lowerBound..<end]), as: UTF8.self)
        snapshot.diagnostics.append(LsearchParser.duplicateKey(String(decoding: name, as: UTF8.self), line: line, first: first, file: path, text: text))
    }
}
