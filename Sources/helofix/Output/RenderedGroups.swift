import MailServer

/// The JSON of every rejection group of a report, written once: `inspect`'s document holds each
/// group twice, in the evidence of its finding and in `rejections`, the same bytes. A flood's
/// 10,000 groups with three sample log lines each are 11 MB, and writing them had taken as long
/// in the findings as in `rejections` (`perf`: 57 and 34 ms of CPU).
struct RenderedGroups: Sendable {
    private struct Key: Hashable {
        var ip: IPAddress?
        var helo: String
    }

    /// The groups, in the report's order.
    private let groups: [RejectionGroup]
    /// Per run of ``run`` groups: their bytes back to back, and where each ends.
    private let runs: [(bytes: [UInt8], ends: [Int])]
    private let positions: [Key: Int]
    private static let run = 256

    /// Writes every group's JSON, in runs on every core.
    init(_ groups: [RejectionGroup]) {
        self.groups = groups
        runs = ConcurrentParts.map((groups.count + Self.run - 1) / Self.run) { r in
            var bytes: [UInt8] = [], ends: [Int] = []
            groups.withUnsafeBufferPointer { g in
                for i in r * Self.run ..< min(g.count, (r + 1) * Self.run) {
                    bytes += JSONWriter.rendered { FindingJSON.group(g[i], to: &$0) }
                    ends.append(bytes.count)
                }
            }
            return (bytes, ends)
        }
        var positions: [Key: Int] = [:]
        positions.reserveCapacity(groups.count)
        for (i, g) in groups.enumerated() { positions[Key(ip: g.ip, helo: g.helo)] = i }
        self.positions = positions
    }

    /// How many groups there are.
    var count: Int { groups.count }

    /// The position of a group equal to `group` (same address, greeting, counts and samples).
    func position(of group: RejectionGroup) -> Int? {
        guard let i = positions[Key(ip: group.ip, helo: group.helo)], groups[i] == group else { return nil }
        return i
    }

    /// Writes group `i` as ``FindingJSON/group(_:to:)`` would.
    func write(_ i: Int, to w: inout JSONWriter) {
        let (r, k) = i.quotientAndRemainder(dividingBy: Self.run)
        let start = k == 0 ? 0 : runs[r].ends[k - 1]
        runs[r].bytes.withUnsafeBufferPointer { w.value(rendered: UnsafeBufferPointer(rebasing: $0[start..<runs[r].ends[k]])) }
    }
}
