import MailServer

/// Whitelist entries by address, so "which entries cover this IP" is a dictionary look-up plus the
/// (few) ranges, not a scan of every entry per rejection.
struct WhitelistIndex {
    private var single: [IPAddress: [WhitelistEntry]] = [:]
    private var ranges: [WhitelistEntry] = []

    init(_ entries: [WhitelistEntry]) {
        for e in entries {
            guard let net = e.network else { continue }
            if net.isSingleAddress { single[net.address, default: []].append(e) } else { ranges.append(e) }
        }
    }

    /// No entry covers any address.
    var isEmpty: Bool { single.isEmpty && ranges.isEmpty }

    func entries(covering ip: IPAddress) -> [WhitelistEntry] {
        // Asked once per rejection group (10,000 in a flood): no arrays made for the usual answer.
        let exact = single[ip] ?? []
        return ranges.isEmpty ? exact : exact + ranges.filter { $0.covers(ip) }
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, first occurrence kept.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
