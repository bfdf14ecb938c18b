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

    func entries(covering ip: IPAddress) -> [WhitelistEntry] {
        (single[ip] ?? []) + ranges.filter { $0.covers(ip) }
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, first occurrence kept.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
