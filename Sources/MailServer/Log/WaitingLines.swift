/// Rejection lines whose counting waits for the next one or two, each with a copy of its bytes:
/// while a line waits, the cache lines its count will read are being fetched (``PairTable``'s
/// prefetches), so counting it does not stop for memory.
///
/// Only lines that always count wait (``ScanTally`` decides); the copy keeps them readable after
/// the scan has moved on or unmapped their window.
struct WaitingLines: Sendable {
    /// A line waiting to be counted.
    struct Line: Sendable {
        var parsed: RejectionLineBytes.Parsed
        /// Where its bytes start in `bytes`, and how many.
        var offset: Int
        var count: Int
        var lineNumber: Int
        /// Its pair's hash (``PairTable/hash(ip:helo:)``).
        var hash: UInt64
    }

    /// Lines that wait at most.
    static let depth = 2
    /// Bytes kept of a line; the scanner cuts lines there too.
    static let lineLimit = 8192

    private var lines: [Line] = []
    /// The file every waiting line is from (kept once: a `String` per line was a retain and a
    /// release per line, `perf`: 2 % of a flood scan).
    private(set) var file = ""
    private var head = 0
    private(set) var count = 0
    /// `depth` places of `lineLimit` bytes.
    private var bytes: [UInt8] = []

    var isFull: Bool { count == Self.depth }

    /// Whether a line of `file` may join the queue (it is empty, or its lines are of that file).
    func holds(_ file: String) -> Bool { count == 0 || self.file == file }

    /// The hash of the line that came last, if any waits.
    var newestHash: UInt64? { count == 0 ? nil : lines[(head + count - 1) % Self.depth].hash }

    /// The line that came first, if any waits.
    var oldest: Line? { count == 0 ? nil : lines[head] }

    /// Puts a line at the end of the queue (which must not be full, and must hold only lines of
    /// `file`: see ``holds(_:)``).
    mutating func push(_ parsed: RejectionLineBytes.Parsed, line: LineBytes, file: String, lineNumber: Int, hash: UInt64) {
        if count == 0 { self.file = file }
        if bytes.isEmpty { bytes = [UInt8](repeating: 0, count: Self.depth * Self.lineLimit) }
        let place = (head + count) % Self.depth
        let n = min(line.count, Self.lineLimit)
        bytes.withUnsafeMutableBufferPointer { b in
            (b.baseAddress! + place * Self.lineLimit).update(from: line.base, count: n)
        }
        let waiting = Line(parsed: parsed, offset: place * Self.lineLimit, count: n, lineNumber: lineNumber, hash: hash)
        if lines.count < Self.depth { lines.append(waiting) } else { lines[place] = waiting }
        count += 1
    }

    /// Swaps the queue's bytes and file with `bytes` and `file`: the caller reads the lines from
    /// its own variables while it changes what holds the queue, then swaps them back. (Reading
    /// them through a second reference cost a retain and a release of each per line.)
    mutating func swapStorage(_ bytes: inout [UInt8], _ file: inout String) {
        swap(&bytes, &self.bytes)
        swap(&file, &self.file)
    }

    /// Takes the oldest line off the queue.
    mutating func dropOldest() {
        head = (head + 1) % Self.depth
        count -= 1
    }
}
