/// ``RejectionTally``'s counting for the log scanner, keyed by small integers: a greeting is
/// interned once per distinct name (folded bytes), an address once per distinct text, and a group
/// is found with one integer hash. `String`s are made for a new group and for its first few sample
/// lines only, so a rejection line that is neither costs no allocation.
///
/// It counts exactly as ``RejectionTally/add(_:)`` does, including the HELO retry rule (the second
/// of two identical HELO-stage lines in a row for a pair is not counted); the tally tests and the
/// scanner's single-core/all-core comparison hold it to that.
struct ScanTally {
    /// One (address, greeting) group being counted.
    private struct Group {
        var ip: IPAddress?
        var heloID: Int
        var helo: String
        var rule: RejectionRule
        var count = 0
        var firstSeen: String?
        var lastSeen: [UInt8]?
        var samples: [Rejection] = []
    }

    /// A counted HELO-stage line that the client's retry would repeat: the line after its time stamp.
    struct Candidate: Equatable {
        var line: [UInt8]
        var time: [UInt8]?
    }

    private var helos = ByteInterner()
    private var ipTexts = ByteInterner()
    /// Per address text: its index in `ips`, or -1 when it is not an address.
    private var ipOfText: [Int] = []
    private var ips: [IPAddress] = []
    private var ipIndex: [IPAddress: Int] = [:]
    private var groupOf: [Int: Int] = [:]
    private var groups: [Group] = []
    /// Per group, the retry candidate (nil once a retry used it up).
    private(set) var candidates: [Int: Candidate?] = [:]
    /// Per group, the first HELO-stage line counted in this part (it may be a retry of a line in
    /// the part before, which this part could not see).
    private(set) var firstHeloLine: [Int: Candidate] = [:]
    /// All rejections counted.
    private(set) var total = 0

    // MARK: - Counting

    /// A retry candidate carried into a part from the parts before it.
    typealias Carried = (ip: IPAddress?, helo: String, candidate: Candidate)

    /// Counts a rejection read on bytes (``RejectionLineBytes``) from `line` (line `lineNumber` of `file`).
    mutating func add(_ p: RejectionLineBytes.Parsed, line: LineBytes, file: String, lineNumber: Int) {
        var ip = -1
        if let range = p.ip {
            let textID = ipTexts.id(of: UnsafeBufferPointer(start: line.base + range.lowerBound, count: range.count), fold: false)
            if textID == ipOfText.count {
                let text = String(decoding: UnsafeBufferPointer(start: line.base + range.lowerBound, count: range.count), as: UTF8.self)
                let parsed = IPAddress(text)
                ipOfText.append(parsed.map { index(of: $0) } ?? -1)
            }
            ip = ipOfText[textID]
        }
        if ip < 0 && p.ipRequired { return }
        let heloID = helos.id(of: UnsafeBufferPointer(start: line.base + p.helo.lowerBound, count: p.helo.count), fold: true)
        let g = group(ip: ip, heloID: heloID, rule: p.rule)
        let raw = min(line.count, RejectionLineParser.rawLimit)
        if p.stage == .helo, p.side == .receiver {
            var without = 0
            if let time = p.time {
                let stamp = LineBytes(base: line.base + time.lowerBound, count: time.count)
                without = LineBytes(base: line.base, count: raw).firstEnd(of: stamp) ?? 0
            }
            let candidate = Candidate(line: Array(UnsafeBufferPointer(start: line.base + without, count: max(0, raw - without))),
                                      time: p.time.map { Array(UnsafeBufferPointer(start: line.base + $0.lowerBound, count: $0.count)) })
            if isRetry(candidate, g) { return }
        }
        total += 1
        if groups[g].count == 0 { groups[g].rule = p.rule }
        groups[g].count += 1
        if let time = p.time {
            let stamp = UnsafeBufferPointer(start: line.base + time.lowerBound, count: time.count)
            if groups[g].firstSeen == nil { groups[g].firstSeen = String(decoding: stamp, as: UTF8.self) }
            if groups[g].lastSeen == nil { groups[g].lastSeen = [] }
            groups[g].lastSeen!.replaceSubrange(groups[g].lastSeen!.indices, with: stamp)
        }
        if groups[g].samples.count < RejectionTally.sampleLimit {
            let text = { (r: Range<Int>) in String(decoding: UnsafeBufferPointer(start: line.base + r.lowerBound, count: r.count), as: UTF8.self) }
            groups[g].samples.append(Rejection(time: p.time.map(text), ip: ip >= 0 ? ips[ip] : nil, helo: groups[g].helo, rule: p.rule,
                                               stage: p.stage, side: p.side, location: SourceLocation(file: file, line: lineNumber),
                                               raw: text(0..<raw)))
        }
    }

    /// Counts a rejection read by the `String` parser.
    mutating func add(_ r: Rejection) {
        let ip = r.ip.map { index(of: $0) } ?? -1
        let heloID = helos.id(of: r.helo, fold: false)
        let g = group(ip: ip, heloID: heloID, rule: r.rule)
        if r.stage == .helo, r.side == .receiver {
            let line: Substring
            if let time = r.time, let range = r.raw.firstRange(of: time) { line = r.raw[range.upperBound...] } else { line = Substring(r.raw) }
            if isRetry(Candidate(line: Array(line.utf8), time: r.time.map { Array($0.utf8) }), g) { return }
        }
        total += 1
        if groups[g].count == 0 { groups[g].rule = r.rule }
        groups[g].count += 1
        if let time = r.time {
            if groups[g].firstSeen == nil { groups[g].firstSeen = time }
            groups[g].lastSeen = Array(time.utf8)
        }
        if groups[g].samples.count < RejectionTally.sampleLimit { groups[g].samples.append(r) }
    }

    private mutating func index(of ip: IPAddress) -> Int {
        if let i = ipIndex[ip] { return i }
        ips.append(ip)
        ipIndex[ip] = ips.count - 1
        return ips.count - 1
    }

    private mutating func group(ip: Int, heloID: Int, rule: RejectionRule) -> Int {
        let key = (ip + 1) << 32 | heloID
        if let g = groupOf[key] { return g }
        groups.append(Group(ip: ip >= 0 ? ips[ip] : nil, heloID: heloID, helo: helos.string(heloID), rule: rule))
        groupOf[key] = groups.count - 1
        return groups.count - 1
    }

    /// ``RejectionTally``'s retry rule: the line repeats the group's candidate within a second.
    private mutating func isRetry(_ c: Candidate, _ g: Int) -> Bool {
        if firstHeloLine[g] == nil { firstHeloLine[g] = c }
        if let previous = candidates[g] ?? nil, Self.pairs(previous, c) {
            candidates[g] = .some(nil)
            return true
        }
        candidates[g] = c
        return false
    }

    /// Whether `later` is the retry of `earlier`: the same line, and the same moment.
    static func pairs(_ earlier: Candidate, _ later: Candidate) -> Bool {
        guard earlier.line == later.line else { return false }
        guard let a = earlier.time, let b = later.time, a != b else { return true }
        guard let x = seconds(a), let y = seconds(b) else { return false }
        return abs(x - y) <= 1
    }

    private static func seconds(_ u: [UInt8]) -> Int? {
        guard u.count >= 19 else { return nil }
        func num(_ r: Range<Int>) -> Int? { Int(String(decoding: u[r], as: UTF8.self)) }
        guard let d = num(8..<10), let h = num(11..<13), let m = num(14..<16), let s = num(17..<19) else { return nil }
        return ((d * 24 + h) * 60 + m) * 60 + s
    }

    // MARK: - Parts

    /// Whether counting `later` after this tally needs the HELO retry rule across the boundary:
    /// some pair's first HELO-stage line in `later` repeats this tally's candidate for the pair.
    /// The scanner then reads `later` again, continuing from this tally's candidates.
    func retrySpansBoundary(into later: ScanTally) -> Bool {
        for (g, first) in later.firstHeloLine {
            let key = later.groupKey(g)
            guard let mine = lookUp(key), let candidate = candidates[mine] ?? nil else { continue }
            if Self.pairs(candidate, first) { return true }
        }
        return false
    }

    /// Candidates to start a part with, so it counts as if it followed this tally directly.
    func startingCandidates() -> [Carried] {
        candidates.compactMap { g, c in c.map { (groups[g].ip, groups[g].helo, $0) } }
    }

    /// Starts counting with candidates carried over from the part before.
    mutating func carry(_ carried: [Carried]) {
        for c in carried {
            let ip = c.ip.map { index(of: $0) } ?? -1
            let g = group(ip: ip, heloID: helos.id(of: c.helo, fold: false), rule: .eximWiki)
            candidates[g] = c.candidate
        }
    }

    private func groupKey(_ g: Int) -> (ip: IPAddress?, helo: String) { (groups[g].ip, groups[g].helo) }

    private func lookUp(_ key: (ip: IPAddress?, helo: String)) -> Int? {
        let ip = key.ip.map { ipIndex[$0] ?? -2 } ?? -1
        guard ip != -2, let heloID = helos.existing(key.helo, fold: false) else { return nil }
        return groupOf[(ip + 1) << 32 | heloID]
    }

    /// Adds the tally of the log part that comes after this one.
    mutating func append(_ later: ScanTally) {
        total += later.total
        for g in later.groups.indices {
            let next = later.groups[g]
            let ip = next.ip.map { index(of: $0) } ?? -1
            let mine = group(ip: ip, heloID: helos.id(of: next.helo, fold: false), rule: next.rule)
            if groups[mine].count == 0 && groups[mine].samples.isEmpty { groups[mine].rule = next.rule }
            groups[mine].count += next.count
            if groups[mine].firstSeen == nil { groups[mine].firstSeen = next.firstSeen }
            if next.lastSeen != nil { groups[mine].lastSeen = next.lastSeen }
            if groups[mine].samples.count < RejectionTally.sampleLimit {
                groups[mine].samples = Array((groups[mine].samples + next.samples).prefix(RejectionTally.sampleLimit))
            }
            if let c = later.candidates[g] { candidates[mine] = .some(c) }
            if firstHeloLine[mine] == nil, let f = later.firstHeloLine[g] { firstHeloLine[mine] = f }
        }
    }

    /// Moves every sample's line number on by `lines`.
    mutating func shiftLines(by lines: Int) {
        guard lines != 0 else { return }
        for g in groups.indices {
            for i in groups[g].samples.indices { groups[g].samples[i].location.line = groups[g].samples[i].location.line.map { $0 + lines } }
        }
    }

    /// The groups (those with at least one counted rejection), most rejections first, then by
    /// greeting and IP, as ``RejectionTally/sortedGroups``.
    var sortedGroups: [RejectionGroup] {
        groups.filter { $0.count > 0 }.map {
            RejectionGroup(ip: $0.ip, helo: $0.helo, rule: $0.rule, count: $0.count, firstSeen: $0.firstSeen,
                           lastSeen: $0.lastSeen.map { String(decoding: $0, as: UTF8.self) }, samples: $0.samples)
        }.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.helo != $1.helo { return $0.helo < $1.helo }
            return ($0.ip?.description ?? "") < ($1.ip?.description ?? "")
        }
    }
}
