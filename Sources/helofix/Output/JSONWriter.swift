import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes JSON straight to a file descriptor through a small buffer, so a report of 100,000 domains
/// never exists as one big string or `Data` (JSONEncoder needed seconds and hundreds of MB for it).
/// A struct passed `inout`, so appends need no run-time exclusivity checks; call ``flush()`` at the end.
///
/// Layout: top-level keys one per line, each array element on its own line, objects inside an
/// element on that line: easy to read, grep and diff, and valid for any JSON parser.
///
/// Everything is appended as bytes (no `String` is built per value or per line break): a flood
/// report is 60 MB of JSON. A long array can be written on every core (``parallelArray(_:_:)``).
struct JSONWriter: Sendable {
    private struct Container: Sendable {
        var breaksLines: Bool
        var count = 0
    }

    private var buffer: [UInt8] = []
    /// Where full buffers go; -1 for a part written on another thread, kept whole in ``buffer``.
    private let fd: Int32
    private var stack: [Container] = []
    private var awaitingValue = false

    init(fd: Int32 = 1) {
        self.fd = fd
        buffer.reserveCapacity(Self.flushSize + 4096)
    }

    /// Buffered bytes are written once there are this many: large writes, little memory.
    private static let flushSize = 1 << 16

    // MARK: - Structure

    /// `{`, the members written by `body`, `}`.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(0x7B)
        body(&self)
        close(0x7D)
    }

    /// `[`, the elements written by `body`, `]`.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(0x5B)
        body(&self)
        close(0x5D)
    }

    /// `{` of an object whose members are written by the calls that follow, up to ``endObject()``
    /// (for a document written in steps, as `inspect` does while the rules still run).
    mutating func beginObject() { open(0x7B) }

    /// `}` of the object opened by ``beginObject()``.
    mutating func endObject() { close(0x7D) }

    /// A member name (a literal: the names are the document's fixed keys, with nothing to escape,
    /// so their bytes are copied as they are); the next value written is its value.
    mutating func key(_ name: StaticString) {
        beginValue()
        buffer.append(0x22)
        raw(name)
        raw("\": ")
        awaitingValue = true
    }

    // MARK: - Values

    mutating func string(_ s: String?) {
        guard let s else { return null() }
        beginValue()
        quoted(s)
    }

    mutating func number(_ n: Int?) {
        guard let n else { return null() }
        beginValue()
        digits(n)
        flushIfFull()
    }

    mutating func bool(_ b: Bool?) {
        guard let b else { return null() }
        beginValue()
        raw(b ? "true" : "false")
        flushIfFull()
    }

    /// A value given as its JSON text, copied as it is: `json` must be one complete value that
    /// needs nothing escaped (a literal known when the program is built).
    mutating func literal(_ json: StaticString) {
        beginValue()
        raw(json)
        flushIfFull()
    }

    mutating func null() {
        beginValue()
        raw("null")
        flushIfFull()
    }

    /// `"name": value` for the common cases.
    mutating func field(_ name: StaticString, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: StaticString, _ value: Int?) { key(name); number(value) }
    mutating func field(_ name: StaticString, _ value: Bool?) { key(name); bool(value) }

    // MARK: - A flat object in pieces

    /// Starts a value given as JSON text in pieces, `head` first (after the comma or line break
    /// before it), ended by ``endPieces(_:)``: a flat object whose member names are literals,
    /// without the bookkeeping ``object(_:)`` and ``key(_:)`` do per member (a big server's
    /// 100,000 domain rows). The pieces must be the bytes ``object(_:)`` and its fields write:
    /// `{"a": ` and `, "b": ` between the values.
    mutating func beginPieces(_ head: StaticString) {
        beginValue()
        raw(head)
    }

    /// Literal JSON text inside a value begun by ``beginPieces(_:)``.
    mutating func piece(literal text: StaticString) { raw(text) }

    /// A string, quoted and escaped, or `null`, inside a value begun by ``beginPieces(_:)``.
    mutating func piece(_ s: String?) {
        guard let s else { return raw("null") }
        quoted(s)
    }

    /// Ends a value begun by ``beginPieces(_:)`` with `tail`.
    mutating func endPieces(_ tail: StaticString) {
        raw(tail)
        flushIfFull()
    }

    /// An array of `count` elements, element `i` written by `element(i, &w)`, on every core the
    /// process may use: consecutive runs of elements are written into buffers of their own at the
    /// same time and then put out in order, so the bytes are those of a plain ``array(_:)``.
    /// `element` must depend on nothing but `i` (it runs on several threads).
    mutating func parallelArray(_ count: Int, _ element: @Sendable (Int, inout JSONWriter) -> Void) {
        open(0x5B)
        var next = 0
        // Each part's buffer starts as large as the largest part so far (within reason), so it
        // is not grown and copied a dozen times; 0 until the first round has shown it.
        var partSize = 0
        while next < count {
            // A round of runs at a time: memory stays bounded by the round, not the document. The
            // first round has two runs; later ones hold about a megabyte (a flood's findings are
            // 300 KB a run, and the report is written while all of them are held: the peak).
            let budget = partSize == 0 ? 2 : max(2, Self.roundBytes / partSize)
            let runs = min(Self.runsPerRound, budget, (count - next + Self.elementsPerRun - 1) / Self.elementsPerRun)
            let start = next
            let parts = PartBuffers(count: runs)
            let template = JSONWriter(fd: -1, stack: stack)
            let reserve = min(max(partSize, 1 << 12), 1 << 20)
            DispatchQueue.concurrentPerform(iterations: runs) { r in
                var w = template
                w.buffer.reserveCapacity(reserve)
                w.setCount(start + r * Self.elementsPerRun)
                for i in (start + r * Self.elementsPerRun)..<min(count, start + (r + 1) * Self.elementsPerRun) { element(i, &w) }
                parts.store(w.buffer, at: r)
            }
            for r in 0..<runs {
                let part = parts.take(r)
                partSize = max(partSize, part.count + part.count / 8)
                if fd >= 0 && part.count >= Self.flushSize {
                    // A big part goes out as it is, not copied into this buffer first.
                    flush()
                    writeAll(part)
                } else {
                    buffer.append(contentsOf: part)
                    flushIfFull()
                }
            }
            next = min(count, start + runs * Self.elementsPerRun)
        }
        setCount(count)
        close(0x5D)
    }

    /// Elements one thread writes in a go, and how many such runs make a round.
    private static let elementsPerRun = 64
    private static let runsPerRound = 16
    /// About how many bytes one round of runs may hold.
    private static let roundBytes = 1 << 20

    /// An empty writer in the state of `stack`, keeping what it writes in its buffer.
    private init(fd: Int32, stack: [Container]) {
        self.fd = fd
        self.stack = stack
    }

    private mutating func setCount(_ n: Int) { stack[stack.count - 1].count = n }

    /// Writes what is buffered.
    mutating func flush() {
        guard fd >= 0 else { return }
        writeAll(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes `bytes` to the file descriptor, all of them unless it fails.
    private func writeAll(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
    }

    // MARK: - Internals

    /// The top-level object and the arrays that are its members put each item on its own line.
    private mutating func open(_ byte: UInt8) {
        beginValue()
        let breaks = stack.isEmpty || (stack.count == 1 && byte == 0x5B)
        buffer.append(byte)
        stack.append(Container(breaksLines: breaks))
    }

    private mutating func close(_ byte: UInt8) {
        let done = stack.removeLast()
        if done.breaksLines && done.count > 0 { newline() }
        buffer.append(byte)
        flushIfFull()
    }

    /// The comma, space or line break before an item.
    private mutating func beginValue() {
        if awaitingValue {
            awaitingValue = false
            return
        }
        guard !stack.isEmpty else { return }
        let top = stack.count - 1
        if stack[top].count > 0 { buffer.append(0x2C) }
        if stack[top].breaksLines { newline() } else if stack[top].count > 0 { buffer.append(0x20) }
        stack[top].count += 1
    }

    private mutating func newline() {
        buffer.append(0x0A)
        for _ in 0..<stack.count { raw("  ") }
    }

    /// A literal, from its static bytes.
    private mutating func raw(_ s: StaticString) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// The decimal digits of `n`, without making a `String`.
    private mutating func digits(_ n: Int) {
        if n < 0 { buffer.append(0x2D) }
        var m = n.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { t in
            var first = 20
            repeat {
                first -= 1
                t[first] = UInt8(truncatingIfNeeded: m % 10) + 0x30
                m /= 10
            } while m > 0
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: t[first...]))
        }
    }

    private mutating func quoted(_ s: String) {
        // On the string's UTF-8 buffer, not its generic view: a flood report quotes 50 MB of log
        // lines. A native string lends its buffer as it is; only another kind is copied first.
        if s.utf8.withContiguousStorageIfAvailable({ quoted(bytes: $0) }) == nil {
            var s = s
            s.withUTF8 { quoted(bytes: $0) }
        }
        flushIfFull()
    }

    private mutating func quoted(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.append(0x22)
        // The runs between bytes to escape are appended whole: a cPanel rejection line has two
        // double quotes, and appending it byte by byte was a tenth of a flood report (`perf`).
        // The runs are found eight bytes at a time: looking at each byte of a flood's 50 MB of
        // log lines was a third of writing its report.
        var run = 0
        var i = 0
        let count = bytes.count
        while i < count {
            if i + 8 <= count, !Self.needsEscape(UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
                continue
            }
            let b = bytes[i]
            i += 1
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            if run < i - 1 { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<(i - 1)])) }
            run = i
            switch b {
            case 0x22: buffer.append(0x5C); buffer.append(0x22)
            case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
            case 0x0A: buffer.append(0x5C); buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(0x5C); buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(0x5C); buffer.append(UInt8(ascii: "t"))
            default: buffer.append(contentsOf: ("\\u00" + String(b >> 4, radix: 16) + String(b & 0xF, radix: 16)).utf8)
            }
        }
        if run < count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
        buffer.append(0x22)
    }

    /// Whether any of the eight bytes in `x` is a control character, a double quote or a backslash (the classic
    /// "has a byte less than n" and "has a zero byte" word tests, which never miss one).
    private static func needsEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (x &- ones &* 0x20) & ~x & highs
        let quote = x ^ (ones &* 0x22), backslash = x ^ (ones &* 0x5C)
        return control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs) != 0
    }

    private mutating func flushIfFull() {
        if buffer.count >= Self.flushSize { flush() }
    }
}

/// The buffers of one round of ``JSONWriter/parallelArray(_:_:)``, filled by several threads.
private final class PartBuffers: Sendable {
    private let parts: Mutex<[[UInt8]]>

    init(count: Int) { parts = Mutex(Array(repeating: [], count: count)) }

    func store(_ bytes: [UInt8], at i: Int) { parts.withLock { $0[i] = bytes } }

    func take(_ i: Int) -> [UInt8] { parts.withLock { p in defer { p[i] = [] }; return p[i] } }
}
