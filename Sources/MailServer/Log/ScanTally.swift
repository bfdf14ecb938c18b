#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        /// `ip`'s index in this tally's addresses, -1 for none.
        var ipID: Int
        var heloID: Int
        var helo: String
        var rule: RejectionRule
        /// Where the first time stamp's bytes are in ``sampleLines``.
        var firstSeen: Range<Int>?
        /// The first and last of its samples in ``sampleLines`` (-1: none yet). The count, the last
        /// time stamp and the sample count are in ``counters``.
        var firstSample = -1
        var lastSample = -1
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
    /// (address text, greeting) pairs seen on bytes, and what each stands for.
    private var pairs = PairTable()
    private var groups: [Group] = []
    private var counters = GroupCounters()
    /// The groups' samples and first time stamps, as bytes until the report is made.
    private var sampleLines = SampleLines()
    /// Per group, the retry candidate (nil once a retry used it up).
    private(set) var candidates: [Int: Candidate?] = [:]
    /// Per group, the first HELO-stage line counted in this part (it may be a retry of a line in
    /// the part before, which this part could not see).
    private(set) var firstHeloLine: [Int: Candidate] = [:]
    /// Rejection lines waiting to be counted (see ``add(_:line:file:lineNumber:)``).
    private var waiting = WaitingLines()
    /// Rejections counted, not including the waiting lines.
    private var counted = 0
    /// All rejections counted (a waiting line always counts).
    var total: Int { counted + waiting.count }

    // MARK: - Counting

    /// A retry candidate carried into a part from the parts before it.
    typealias Carried = (ip: IPAddress?, helo: String, candidate: Candidate)

    /// Counts a rejection read on bytes (``RejectionLineBytes``) from `line` (line `lineNumber` of `file`).
    ///
    /// A line that always counts (not HELO-stage, not waiting on its address) is counted after
    /// the next one or two: its pair's slot, then its record, are fetched meanwhile. The scan streams
    /// the log through the caches, so both were misses a line waited for, one after the other.
    mutating func add(_ p: RejectionLineBytes.Parsed, line: LineBytes, file: String, lineNumber: Int) {
        guard p.stage != .helo || p.side != .receiver, !p.ipRequired else {
            // The retry rule and a line that may not count: counted now, after those waiting,
            // so lines are counted in the log's order.
            countWaiting()
            count(p, line: line, file: file, lineNumber: lineNumber, hash: nil)
            return
        }
        let hash = PairTable.hash(ip: p.ip.map { UnsafeBufferPointer(start: line.base + $0.lowerBound, count: $0.count) },
                                  helo: UnsafeBufferPointer(start: line.base + p.helo.lowerBound, count: p.helo.count))
        pairs.prefetchSlot(hash)
        if !waiting.holds(file) { countWaiting() }
        if waiting.isFull { countOldestWaiting() }
        if let newest = waiting.newestHash { pairs.prefetchRecord(newest) }
        waiting.push(p, line: line, file: file, lineNumber: lineNumber, hash: hash)
    }

    /// Counts every waiting line.
    private mutating func countWaiting() {
        while waiting.count > 0 { countOldestWaiting() }
    }

    private mutating func countOldestWaiting() {
        guard let w = waiting.oldest else { return }
        // The bytes and file are taken out while counting changes `self`, and put back.
        var bytes: [UInt8] = [], file = ""
        waiting.swapStorage(&bytes, &file)
        bytes.withUnsafeBufferPointer { b in
            count(w.parsed, line: LineBytes(base: b.baseAddress! + w.offset, count: w.count), file: file, lineNumber: w.lineNumber, hash: w.hash)
        }
        waiting.swapStorage(&bytes, &file)
        waiting.dropOldest()
    }

    /// Counts a line now; `hash` is its pair's when known.
    private mutating func count(_ p: RejectionLineBytes.Parsed, line: LineBytes, file: String, lineNumber: Int, hash: UInt64?) {
        let k = pair(p, line, hash: hash)
        let ip = pairs.address(k)
        if ip < 0 && p.ipRequired { return }
        var g = pairs.group(k)
        if g < 0 {
            g = group(ip: ip, heloID: pairs.greeting(k), rule: p.rule)
            pairs.setGroup(k, g)
        }
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
        counted += 1
        let stamp = p.time.map { UnsafeBufferPointer(start: line.base + $0.lowerBound, count: $0.count) }
        // Nearly every flood line: its group has all its samples and its first stamp, so only the
        // count and the last stamp change, in the pair's record the look-up just read.
        if pairs.countsHere(k), (stamp?.count ?? 0) <= PairTable.inlineStamp {
            pairs.countHere(k, stamp: stamp, sequence: counted)
            return
        }
        guard counted(g, rule: p.rule, stamp: stamp) else {
            if counters.hasStamp(g) { pairs.countHereFromNow(k) }
            return
        }
        keep(sampleLines.add(time: stamp, raw: UnsafeBufferPointer(start: line.base, count: raw), rule: p.rule, stage: p.stage,
                             side: p.side, file: file, line: lineNumber), in: g)
    }

    /// Makes sample `s` of ``sampleLines`` group `g`'s last.
    private mutating func keep(_ s: Int, in g: Int) {
        if groups[g].lastSample < 0 { groups[g].firstSample = s } else { sampleLines.link(groups[g].lastSample, to: s) }
        groups[g].lastSample = s
    }

    /// Counts a line for group `g` (its rule if it is the first, its time stamp); true when the
    /// group takes the line as a sample (the caller adds it), false when it has all its samples.
    private mutating func counted(_ g: Int, rule: RejectionRule, stamp: UnsafeBufferPointer<UInt8>?) -> Bool {
        if counters.add(1, to: g) == 0 { groups[g].rule = rule }
        if let stamp {
            // The first and last stamps are set together: no last one means no first one yet.
            if !counters.hasStamp(g) { groups[g].firstSeen = sampleLines.store(stamp) }
            counters.setLastSeen(g, stamp, sequence: counted)
        }
        guard counters.samples(g) < RejectionTally.sampleLimit else { return false }
        counters.tookSample(g)
        return true
    }

    /// The number of the line's (address text, greeting) pair; a new pair gets its address and
    /// greeting ids here.
    private mutating func pair(_ p: RejectionLineBytes.Parsed, _ line: LineBytes, hash known: UInt64?) -> Int {
        let ip = p.ip.map { UnsafeBufferPointer(start: line.base + $0.lowerBound, count: $0.count) }
        let helo = UnsafeBufferPointer(start: line.base + p.helo.lowerBound, count: p.helo.count)
        let hash = known ?? PairTable.hash(ip: ip, helo: helo)
        if let found = pairs.find(ip: ip, helo: helo, hash: hash) { return found }
        var address = -1
        if let ip {
            let textID = ipTexts.id(of: ip, fold: false)
            if textID == ipOfText.count {
                ipOfText.append(IPAddress(ascii: ip).map { index(of: $0) } ?? -1)
            }
            address = ipOfText[textID]
        }
        return pairs.add(ip: ip, helo: helo, hash: hash, address: address, greeting: helos.id(of: helo, fold: true))
    }

    /// Counts a rejection read by the `String` parser.
    mutating func add(_ r: Rejection) {
        countWaiting()
        let ip = r.ip.map { index(of: $0) } ?? -1
        let heloID = helos.id(of: r.helo, fold: false)
        let g = group(ip: ip, heloID: heloID, rule: r.rule)
        if r.stage == .helo, r.side == .receiver {
            let line: Substring
            if let time = r.time, let range = r.raw.firstRange(of: time) { line = r.raw[range.upperBound...] } else { line = Substring(r.raw) }
            if isRetry(Candidate(line: Array(line.utf8), time: r.time.map { Array($0.utf8) }), g) { return }
        }
        counted += 1
        let sample: Bool
        if var time = r.time {
            sample = time.withUTF8 { counted(g, rule: r.rule, stamp: $0) }
        } else {
            sample = counted(g, rule: r.rule, stamp: nil)
        }
        if sample { keep(sampleLines.add(r), in: g) }
    }

    private mutating func index(of ip: IPAddress) -> Int {
        if let i = ipIndex[ip] { return i }
        ips.append(ip)
        ipIndex[ip] = ips.count - 1
        return ips.count - 1
    }

    private mutating func group(ip: Int, heloID: Int, rule: RejectionRule, helo: String? = nil) -> Int {
        let key = (ip + 1) << 32 | heloID
        if let g = groupOf[key] { return g }
        groups.append(Group(ip: ip >= 0 ? ips[ip] : nil, ipID: ip, heloID: heloID, helo: helo ?? helos.string(heloID), rule: rule))
        counters.addGroup()
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
    /// (Waiting lines are not HELO-stage lines, so they change no candidate.)
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

    /// Adds the tally of the log part that comes after this one, moving its samples' line numbers
    /// on by `lines` (the lines of the parts before it in the same file).
    ///
    /// Its greetings and addresses are looked up here once per distinct value, not per group, and
    /// its groups are taken, not copied: with a flood's thousands of groups per part, copying and
    /// renumbering them was a tenth of the scan (`perf`: retain/release and copy-on-write).
    mutating func append(_ later: consuming ScanTally, shiftingLinesBy lines: Int = 0) {
        countWaiting()
        later.countWaiting()
        if lines == 0, groups.isEmpty, counted == 0, candidates.isEmpty, firstHeloLine.isEmpty {
            // Nothing to merge into (a log scanner's first file): the same groups, addresses and
            // candidates, in the same order, as the merge below would make.
            self = later
            return
        }
        pairs.addCounts(to: &counters)
        pairs.clearCounts()
        later.pairs.addCounts(to: &later.counters)
        counted += later.counted
        var heloOf = [Int](repeating: -1, count: later.helos.count)
        var ipOf = [Int](repeating: -1, count: later.ips.count)
        for (i, ip) in later.ips.enumerated() { ipOf[i] = index(of: ip) }
        var mineOf = [Int](repeating: -1, count: later.groups.count)
        var laterGroups: [Group] = []
        swap(&laterGroups, &later.groups)
        for g in laterGroups.indices {
            if heloOf[laterGroups[g].heloID] < 0 { heloOf[laterGroups[g].heloID] = helos.id(of: laterGroups[g].helo, fold: false) }
            let ip = laterGroups[g].ipID >= 0 ? ipOf[laterGroups[g].ipID] : -1
            let mine = group(ip: ip, heloID: heloOf[laterGroups[g].heloID], rule: laterGroups[g].rule, helo: laterGroups[g].helo)
            mineOf[g] = mine
            if counters.count(mine) == 0 && counters.samples(mine) == 0 { groups[mine].rule = laterGroups[g].rule }
            _ = counters.add(later.counters.count(g), to: mine)
            if groups[mine].firstSeen == nil, let first = laterGroups[g].firstSeen {
                groups[mine].firstSeen = later.sampleLines.bytes.withUnsafeBufferPointer { sampleLines.store(UnsafeBufferPointer(rebasing: $0[first])) }
            }
            // Every line of `later` comes after this tally's lines.
            if let last = later.counters.lastSeen(g) { last.withUnsafeBufferPointer { counters.setLastSeen(mine, $0, sequence: counted) } }
            var room = RejectionTally.sampleLimit - counters.samples(mine)
            var s = laterGroups[g].firstSample
            while room > 0, s >= 0 {
                keep(sampleLines.copy(s, of: later.sampleLines, shiftingLinesBy: lines), in: mine)
                counters.tookSample(mine)
                room -= 1
                s = later.sampleLines.entries[s].next
            }
        }
        for (g, c) in later.candidates { candidates[mineOf[g]] = .some(c) }
        for (g, f) in later.firstHeloLine where firstHeloLine[mineOf[g]] == nil { firstHeloLine[mineOf[g]] = f }
    }

    /// The groups (those with at least one counted rejection), most rejections first, then by
    /// greeting and IP, as ``RejectionTally/sortedGroups``.
    var sortedGroups: [RejectionGroup] {
        guard waiting.count == 0 else {
            var all = self
            all.countWaiting()
            return all.sortedGroups
        }
        let counters = { var settled = self.counters; pairs.addCounts(to: &settled); return settled }()
        // Indices are sorted, not groups: each group is built once, in its place.
        let order = groups.indices.filter { counters.count($0) > 0 }.sorted { a, b in
            let x = counters.count(a), y = counters.count(b)
            if x != y { return x > y }
            if groups[a].helo != groups[b].helo { return groups[a].helo < groups[b].helo }
            return (groups[a].ip?.description ?? "") < (groups[b].ip?.description ?? "")
        }
        // A flood's groups hold 30,000 samples, 60,000 `String`s to make once the scan is done:
        // made in runs on every core, not on the one thread that merged the parts.
        let run = 2048
        let tally = self
        let runs = ConcurrentParts.map(order.count, inRunsOf: run) { range in order[range].map { tally.report(of: $0, counters) } }
        var result: [RejectionGroup] = []
        result.reserveCapacity(order.count)
        for made in runs { result += made }
        return result
    }

    /// Group `g` as the report gives it, with `counters` (this tally's, its pairs' counts added).
    private func report(of g: Int, _ counters: GroupCounters) -> RejectionGroup {
        RejectionGroup(ip: groups[g].ip, helo: groups[g].helo, rule: groups[g].rule, count: counters.count(g),
                       firstSeen: groups[g].firstSeen.map(sampleLines.string),
                       lastSeen: counters.lastSeen(g).map { String(decoding: $0, as: UTF8.self) },
                       samples: sampleLines.rejections(from: groups[g].firstSample, ip: groups[g].ip, helo: groups[g].helo))
    }
}
