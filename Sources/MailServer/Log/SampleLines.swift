/// The sample lines and first time stamps a ``ScanTally`` keeps, held as bytes in one buffer
/// while the log is scanned; `String`s are made only for the samples the report keeps
/// (``rejections(from:ip:helo:)``), once the parts are merged.
///
/// Made as `String`s on the spot, a flood's samples were 150,000 allocations on the scan's threads
/// (`perf probe` on `malloc`), half of them for samples the merge then threw away (each part takes
/// its own first few per group), and the threads queued for inspect's one malloc arena behind the
/// snapshot read: 12,000 context switches a run.
struct SampleLines {
    /// One kept sample line.
    struct Entry {
        /// Where its bytes start in ``bytes``: the time stamp's first, then the raw line's.
        var start: Int
        /// Bytes of the time stamp, -1 when the line had none.
        var timeCount: Int
        /// Bytes of the raw line (already cut to ``RejectionLineParser/rawLimit``).
        var rawCount: Int
        var rule: RejectionRule
        var stage: SMTPStage
        var side: RejectionSide
        var file: String
        var line: Int
        /// The next sample of the same group, -1 for none.
        var next = -1
        /// A sample read by the `String` parser, kept as it was made (no bytes).
        var made: Rejection?
    }

    private(set) var bytes: [UInt8] = []
    private(set) var entries: [Entry] = []

    /// Keeps `stamp`'s bytes (a group's first time stamp); returns where they are.
    mutating func store(_ stamp: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: stamp)
        return start..<bytes.count
    }

    /// The `String` of bytes kept by ``store(_:)``.
    func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Keeps a sample read on bytes; returns its index.
    mutating func add(time: UnsafeBufferPointer<UInt8>?, raw: UnsafeBufferPointer<UInt8>, rule: RejectionRule, stage: SMTPStage,
                      side: RejectionSide, file: String, line: Int) -> Int {
        let start = bytes.count
        if let time { bytes.append(contentsOf: time) }
        bytes.append(contentsOf: raw)
        entries.append(Entry(start: start, timeCount: time?.count ?? -1, rawCount: raw.count, rule: rule, stage: stage, side: side,
                             file: file, line: line))
        return entries.count - 1
    }

    /// Keeps a sample read by the `String` parser; returns its index.
    mutating func add(_ made: Rejection) -> Int {
        entries.append(Entry(start: bytes.count, timeCount: -1, rawCount: 0, rule: made.rule, stage: made.stage, side: made.side,
                             file: "", line: 0, made: made))
        return entries.count - 1
    }

    /// Keeps a copy of sample `i` of `other`, its line number moved on by `lines`; returns its index.
    mutating func copy(_ i: Int, of other: SampleLines, shiftingLinesBy lines: Int) -> Int {
        var entry = other.entries[i]
        entry.next = -1
        if entry.made != nil {
            entry.made!.location.line = entry.made!.location.line.map { $0 + lines }
        } else {
            let count = max(entry.timeCount, 0) + entry.rawCount
            let start = bytes.count
            other.bytes.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[entry.start..<entry.start + count])) }
            entry.start = start
            entry.line += lines
        }
        entries.append(entry)
        return entries.count - 1
    }

    /// Makes sample `j` follow sample `i` in its group.
    mutating func link(_ i: Int, to j: Int) {
        entries[i].next = j
    }

    /// The samples from `first` on, following ``Entry/next``, as ``Rejection``s of the group of
    /// `ip` and `helo`.
    func rejections(from first: Int, ip: IPAddress?, helo: String) -> [Rejection] {
        var result: [Rejection] = []
        var i = first
        while i >= 0 {
            result.append(rejection(i, ip: ip, helo: helo))
            i = entries[i].next
        }
        return result
    }

    /// Sample `i` as a ``Rejection`` of the group of `ip` and `helo`.
    private func rejection(_ i: Int, ip: IPAddress?, helo: String) -> Rejection {
        let e = entries[i]
        if let made = e.made { return made }
        let timeCount = max(e.timeCount, 0)
        let time = e.timeCount < 0 ? nil : string(e.start..<e.start + timeCount)
        return Rejection(time: time, ip: ip, helo: helo, rule: e.rule, stage: e.stage, side: e.side,
                         location: SourceLocation(file: e.file, line: e.line), raw: string(e.start + timeCount..<e.start + timeCount + e.rawCount))
    }
}
