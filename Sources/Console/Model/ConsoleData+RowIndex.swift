/// Finding the rows that stand for a name. A server's domains come from the reader sorted by
/// their bytes, so the domain pane (100,000 rows on a large server) needs no hashed table: a
/// binary search finds its rows, and only the other panes' few keys are hashed. Rows in any other
/// order (a fleet's domains, or a snapshot built elsewhere) go into the table as before, so the
/// answers never depend on the order.
extension ConsoleData {
    mutating func indexRows() {
        domainKeysInOrder = Self.keysInOrder(rows[Pane.domains.rawValue])
        var first = [String: RowAddress](minimumCapacity: rows.reduce(0) { $0 + $1.count } - (domainKeysInOrder ? rows[0].count : 0))
        var more: [String: [RowAddress]] = [:]
        func add(_ key: String, _ address: RowAddress) {
            if first[key] == nil { first[key] = address } else { more[key, default: []].append(address) }
        }
        for pane in Pane.allCases where !(pane == .domains && domainKeysInOrder) {
            for (i, row) in rows[pane.rawValue].enumerated() {
                add(row.key, RowAddress(pane, i))
                if let alias = row.alias { add(alias, RowAddress(pane, i)) }
            }
        }
        firstRowByKey = first
        moreRowsByKey = more
    }

    /// Rows that stand for `key` (lower case), across panes, in pane and row order.
    public func rows(for key: String) -> [RowAddress] {
        var found: [RowAddress] = []
        if domainKeysInOrder { found = domainRows(for: key) }
        guard let first = firstRowByKey[key] else { return found }
        found.append(first)
        if let more = moreRowsByKey[key] { found += more }
        return found
    }

    /// The domain rows whose key equals `key` when they are in order (see ``keysInOrder(_:)``).
    private func domainRows(for key: String) -> [RowAddress] {
        let domains = rows[Pane.domains.rawValue]
        // A non-ASCII name can still equal an ASCII one as a `String` (canonical equivalence, as
        // the hashed table compares): such a query compares every row, as rare as it is.
        guard Self.isASCII(key) else {
            return domains.indices.filter { domains[$0].key == key }.map { RowAddress(.domains, $0) }
        }
        var low = 0
        var high = domains.count
        while low < high {
            let middle = (low + high) / 2
            if domains[middle].key < key { low = middle + 1 } else { high = middle }
        }
        var found: [RowAddress] = []
        while low < domains.count, domains[low].key == key {
            found.append(RowAddress(.domains, low))
            low += 1
        }
        return found
    }

    /// Whether every row's key is ASCII, none has an alias, and the keys never go down: then
    /// `String` order is byte order and a binary search finds exactly what the table would.
    static func keysInOrder(_ rows: [PaneRow]) -> Bool {
        var previous = ""
        for row in rows {
            guard row.alias == nil, isASCII(row.key), previous <= row.key else { return false }
            previous = row.key
        }
        return true
    }

    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } }
    }
}
