/// Groups rejections per (sender IP, greeting) while logs are read: a count, first and last time
/// seen, and the first few lines. Memory grows with the number of distinct pairs, never with the log.
///
/// A count is of attempts, not lines: a client refused at EHLO retries with HELO on the same
/// connection, so a HELO-stage ACL (DirectAdmin, the wiki recipe) logs two identical lines per
/// attempt. The second of two identical HELO-stage lines in a row is the retry and is not counted.
public struct RejectionTally: Sendable {
    private struct Key: Hashable {
        var ip: IPAddress?
        var helo: String
    }

    /// Sample lines kept per group.
    public static let sampleLimit = 3

    private var groups: [Key: RejectionGroup] = [:]
    private var order: [Key] = []
    /// Per pair, the last counted HELO-stage line (without its time stamp) and its time, until the retry is seen.
    private var retryCandidate: [Key: (line: Substring, time: String?)] = [:]
    /// All rejections counted.
    public private(set) var total = 0

    /// Creates an empty tally.
    public init() {}

    /// Counts one rejection; rejections must arrive in log order.
    public mutating func add(_ r: Rejection) {
        let key = Key(ip: r.ip, helo: r.helo)
        if isRetry(r, key) { return }
        total += 1
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

    /// Whether `r` repeats the line just counted for `key` (the client's HELO after a refused EHLO),
    /// and remembers `r` as the line a retry would repeat.
    private mutating func isRetry(_ r: Rejection, _ key: Key) -> Bool {
        guard r.stage == .helo, r.side == .receiver else { return false }
        let line = Self.withoutTime(r)
        if let previous = retryCandidate[key], previous.line == line, Self.sameMoment(previous.time, r.time) {
            retryCandidate[key] = nil
            return true
        }
        retryCandidate[key] = (line, r.time)
        return false
    }

    /// The raw line after its time stamp (the retry is written a moment later, maybe in the next second).
    private static func withoutTime(_ r: Rejection) -> Substring {
        guard let time = r.time, let range = r.raw.firstRange(of: time) else { return Substring(r.raw) }
        return r.raw[range.upperBound...]
    }

    /// Both stamps the same, or (`YYYY-MM-DD HH:MM:SS…`) at most one second apart.
    private static func sameMoment(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, a != b else { return true }
        guard let x = seconds(a), let y = seconds(b) else { return false }
        return abs(x - y) <= 1
    }

    private static func seconds(_ stamp: String) -> Int? {
        let u = Array(stamp.utf8)
        guard u.count >= 19 else { return nil }
        func num(_ r: Range<Int>) -> Int? { Int(String(decoding: u[r], as: UTF8.self)) }
        guard let d = num(8..<10), let h = num(11..<13), let m = num(14..<16), let s = num(17..<19) else { return nil }
        return ((d * 24 + h) * 60 + m) * 60 + s
    }

    /// Adds the tally of the log part that comes after this one.
    public mutating func append(_ later: RejectionTally) {
        total += later.total
        retryCandidate.merge(later.retryCandidate) { $1 }
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
