/// Groups rejections per (sender IP, greeting) while logs are read: a count, first and last time
/// seen, and the first few lines. Memory grows with the number of distinct pairs, never with the log.
public struct RejectionTally: Sendable {
    private struct Key: Hashable {
        var ip: IPAddress?
        var helo: String
    }

    /// Sample lines kept per group.
    public static let sampleLimit = 3

    private var groups: [Key: RejectionGroup] = [:]
    private var order: [Key] = []
    /// All rejections counted.
    public private(set) var total = 0

    /// Creates an empty tally.
    public init() {}

    /// Counts one rejection; rejections must arrive in log order.
    public mutating func add(_ r: Rejection) {
        total += 1
        let key = Key(ip: r.ip, helo: r.helo)
        guard var group = groups[key] else {
            groups[key] = RejectionGroup(ip: r.ip, helo: r.helo, rule: r.rule, count: 1, firstSeen: r.time, lastSeen: r.time, samples: [r])
            order.append(key)
            return
        }
        group.count += 1
        if group.firstSeen == nil { group.firstSeen = r.time }
        if r.time != nil { group.lastSeen = r.time }
        if group.samples.count < Self.sampleLimit { group.samples.append(r) }
        groups[key] = group
    }

    /// Adds the tally of the log part that comes after this one.
    public mutating func append(_ later: RejectionTally) {
        total += later.total
        for key in later.order {
            guard let next = later.groups[key] else { continue }
            guard var group = groups[key] else {
                groups[key] = next
                order.append(key)
                continue
            }
            group.count += next.count
            if group.firstSeen == nil { group.firstSeen = next.firstSeen }
            if next.lastSeen != nil { group.lastSeen = next.lastSeen }
            group.samples = Array((group.samples + next.samples).prefix(Self.sampleLimit))
            groups[key] = group
        }
    }

    /// Moves every sample's line number on by `lines` (a part scanned without knowing how many
    /// lines came before it).
    mutating func shiftLines(by lines: Int) {
        guard lines != 0 else { return }
        for key in order {
            guard var group = groups[key] else { continue }
            for i in group.samples.indices { group.samples[i].location.line = group.samples[i].location.line.map { $0 + lines } }
            groups[key] = group
        }
    }

    /// The groups, most rejections first, then by greeting and IP.
    public var sortedGroups: [RejectionGroup] {
        order.compactMap { groups[$0] }.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.helo != $1.helo { return $0.helo < $1.helo }
            return ($0.ip?.description ?? "") < ($1.ip?.description ?? "")
        }
    }
}

extension RejectionTally {
    /// A tally that continues from groups already counted (a finished scan), so later lines (the
    /// console following the log) add to the same groups.
    public init(continuing groups: [RejectionGroup], total: Int) {
        self.init()
        self.total = total
        for group in groups {
            let key = Key(ip: group.ip, helo: group.helo)
            if self.groups[key] == nil { order.append(key) }
            self.groups[key] = group
        }
    }
}
