import CLibcExtras
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
    /// The open containers but the innermost, outermost first; the innermost is ``top``, kept
    /// apart so that each value's comma and count touch no array (a flood report has a million values).
    private var outer: [Container] = []
    private var top = Container(breaksLines: false)
    /// How many containers are open.
    private var depth = 0
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

    /// A string value written in pieces between one pair of quotes (`body` calls only
    /// ``stringPiece(_:)``, ``stringPiece(literal:)`` and ``stringPiece(decimal:)``): the bytes of
    /// the pieces joined and escaped, without making the joined `String` (a finding's id, an
    /// address as digits).
    mutating func joinedString(_ body: (inout JSONWriter) -> Void) {
        beginValue()
        buffer.append(0x22)
        body(&self)
        buffer.append(0x22)
        flushIfFull()
    }

    /// Part of a ``joinedString(_:)``, escaped as a string's bytes are (escaping goes byte by
    /// byte, so the pieces escaped one by one are the joined string escaped), without quotes.
    mutating func stringPiece(_ s: String) { escaped(s) }

    /// Part of a ``joinedString(_:)`` known when the program is built, with nothing to escape.
    mutating func stringPiece(literal s: StaticString) { raw(s) }

    /// Part of a ``joinedString(_:)``: the decimal digits of `n`.
    mutating func stringPiece(decimal n: Int) { digits(n) }

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
        // The most bytes an element took so far (0 until the first round has shown it): it sizes
        // the runs and each part's buffer, so a buffer is not grown and copied a dozen times.
        var elementBytes = 0
        while next < count {
            // A round of runs at a time: memory stays bounded by the round, not the document. The
            // first round has two runs of `elementsPerRun`; later ones hold about `roundBytes` in
            // up to `runsPerRound` runs, shorter runs for big elements (a flood's findings are 4 KB
            // each): with only three long runs a round, one core idled a third of each round.
            let perRun = elementBytes == 0 ? Self.elementsPerRun
                : max(1, min(Self.elementsPerRun, Self.roundBytes / Self.runsPerRound / elementBytes))
            let runs = min(elementBytes == 0 ? 2 : Self.runsPerRound, (count - next + perRun - 1) / perRun)
            let start = next
            let parts = PartBuffers(count: runs)
            let template = JSONWriter(partOf: self)
            let reserve = min(max(perRun * elementBytes + perRun * elementBytes / 8, 1 << 12), 1 << 20)
            DispatchQueue.concurrentPerform(iterations: runs) { r in
                var w = template
                w.buffer.reserveCapacity(reserve)
                w.setCount(start + r * perRun)
                for i in (start + r * perRun)..<min(count, start + (r + 1) * perRun) { element(i, &w) }
                parts.store(w.buffer, at: r)
            }
            for r in 0..<runs {
                let part = parts.take(r)
                let elements = min(count, start + (r + 1) * perRun) - (start + r * perRun)
                elementBytes = max(elementBytes, (part.count + elements - 1) / elements)
                if fd >= 0 && part.count >= Self.flushSize {
                    // A big part goes out as it is, not copied into this buffer first.
                    flush()
                    writeAll(part)
                } else {
                    buffer.append(contentsOf: part)
                    flushIfFull()
                }
            }
            next = min(count, start + runs * perRun)
        }
        setCount(count)
        close(0x5D)
    }

    /// The most elements one thread writes in a go, and how many runs make a round.
    private static let elementsPerRun = 64
    private static let runsPerRound = 16
    /// About how many bytes one round of runs may hold.
    private static let roundBytes = 1 << 20

    /// An empty writer in the state of `w`'s containers, keeping what it writes in its buffer.
    private init(partOf w: JSONWriter) {
        fd = -1
        outer = w.outer
        top = w.top
        depth = w.depth
    }

    private mutating func setCount(_ n: Int) { top.count = n }

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
        let breaks = depth == 0 || (depth == 1 && byte == 0x5B)
        buffer.append(byte)
        if depth > 0 { outer.append(top) }
        top = Container(breaksLines: breaks)
        depth += 1
    }

    private mutating func close(_ byte: UInt8) {
        let done = top
        depth -= 1
        if depth > 0 { top = outer.removeLast() }
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
        guard depth > 0 else { return }
        if top.count > 0 { buffer.append(0x2C) }
        if top.breaksLines { newline() } else if top.count > 0 { buffer.append(0x20) }
        top.count += 1
    }

    private mutating func newline() {
        buffer.append(0x0A)
        for _ in 0..<depth { raw("  ") }
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
        buffer.append(0x22)
        escaped(s)
        buffer.append(0x22)
        flushIfFull()
    }

    /// The bytes of `s`, escaped, without quotes.
    private mutating func escaped(_ s: String) {
        // On the string's UTF-8 buffer, not its generic view: a flood report quotes 50 MB of log
        // lines. A native string lends its buffer as it is; only another kind is copied first.
        if s.utf8.withContiguousStorageIfAvailable({ escaped(bytes: $0) }) == nil {
            var s = s
            s.withUTF8 { escaped(bytes: $0) }
        }
    }

    private mutating func escaped(bytes: UnsafeBufferPointer<UInt8>) {
        // The runs between bytes to escape are appended whole: a cPanel rejection line has two
        // double quotes, and appending it byte by byte was a tenth of a flood report (`perf`).
        // The runs are found sixteen bytes at a time (`cx_json_escape_find`): looking at each
        // byte of a flood's 50 MB of log lines was a third of writing its report.
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var run = 0
        while run < count {
            let stop = run + cx_json_escape_find(base + run, count - run)
            if run < stop { buffer.append(contentsOf: UnsafeBufferPointer(start: base + run, count: stop - run)) }
            guard stop < count else { return }
            run = stop + 1
            let b = base[stop]
            switch b {
            case 0x22: buffer.append(0x5C); buffer.append(0x22)
            case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
            case 0x0A: buffer.append(0x5C); buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(0x5C); buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(0x5C); buffer.append(UInt8(ascii: "t"))
            default: buffer.append(contentsOf: ("\\u00" + String(b >> 4, radix: 16) + String(b & 0xF, radix: 16)).utf8)
            }
        }
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
