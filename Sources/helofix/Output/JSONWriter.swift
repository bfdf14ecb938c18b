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
struct JSONWriter {
    private struct Container {
        var breaksLines: Bool
        var count = 0
    }

    private var buffer: [UInt8] = []
    private let fd: Int32
    private var stack: [Container] = []
    private var awaitingValue = false

    init(fd: Int32 = 1) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    // MARK: - Structure

    /// `{`, the members written by `body`, `}`.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(open: "{", close: "}", body)
    }

    /// `[`, the elements written by `body`, `]`.
    mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(open: "[", close: "]", body)
    }

    /// A member name; the next value written is its value.
    mutating func key(_ name: String) {
        beginValue()
        quoted(name)
        raw(": ")
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
        raw(String(n))
    }

    mutating func bool(_ b: Bool?) {
        guard let b else { return null() }
        beginValue()
        raw(b ? "true" : "false")
    }

    mutating func null() {
        beginValue()
        raw("null")
    }

    /// `"name": value` for the common cases.
    mutating func field(_ name: String, _ value: String?) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int?) { key(name); number(value) }
    mutating func field(_ name: String, _ value: Bool?) { key(name); bool(value) }

    /// Writes what is buffered.
    mutating func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: - Internals

    /// The top-level object and the arrays that are its members put each item on its own line.
    private mutating func container(open: String, close: String, _ body: (inout JSONWriter) -> Void) {
        beginValue()
        let breaks = stack.isEmpty || (stack.count == 1 && open == "[")
        raw(open)
        stack.append(Container(breaksLines: breaks))
        body(&self)
        let done = stack.removeLast()
        if done.breaksLines && done.count > 0 { newline() }
        raw(close)
    }

    /// The comma, space or line break before an item.
    private mutating func beginValue() {
        if awaitingValue {
            awaitingValue = false
            return
        }
        guard !stack.isEmpty else { return }
        let top = stack.count - 1
        if stack[top].count > 0 { raw(",") }
        if stack[top].breaksLines { newline() } else if stack[top].count > 0 { raw(" ") }
        stack[top].count += 1
    }

    private mutating func newline() {
        raw("\n" + String(repeating: "  ", count: stack.count))
    }

    private mutating func quoted(_ s: String) {
        // On the string's UTF-8 buffer, not its generic view: a flood report quotes 50 MB of log lines.
        var s = s
        s.withUTF8 { bytes in
            buffer.append(0x22)
            // The runs between bytes to escape are appended whole: a cPanel rejection line has two
            // double quotes, and appending it byte by byte was a tenth of a flood report (`perf`).
            var run = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if run < i { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i])) }
                run = i + 1
                switch b {
                case 0x22: buffer.append(0x5C); buffer.append(0x22)
                case 0x5C: buffer.append(0x5C); buffer.append(0x5C)
                case 0x0A: buffer.append(0x5C); buffer.append(UInt8(ascii: "n"))
                case 0x0D: buffer.append(0x5C); buffer.append(UInt8(ascii: "r"))
                case 0x09: buffer.append(0x5C); buffer.append(UInt8(ascii: "t"))
                default: buffer.append(contentsOf: ("\\u00" + String(b >> 4, radix: 16) + String(b & 0xF, radix: 16)).utf8)
                }
            }
            if run < bytes.count { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...])) }
            buffer.append(0x22)
        }
        flushIfFull()
    }

    private mutating func raw(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        flushIfFull()
    }

    private mutating func flushIfFull() {
        if buffer.count >= 1 << 16 { flush() }
    }
}
