#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes JSON straight to a file descriptor through a small buffer, so a report of 100,000 domains
/// never exists as one big string or `Data` (JSONEncoder needed seconds and hundreds of MB for it).
///
/// Layout: top-level keys one per line, each array element on its own line, objects inside an
/// element on that line: easy to read, grep and diff, and valid for any JSON parser.
final class JSONWriter {
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

    deinit { flush() }

    // MARK: - Structure

    /// `{`, the members written by `body`, `}`.
    func object(_ body: () -> Void) {
        container(open: "{", close: "}", body)
    }

    /// `[`, the elements written by `body`, `]`.
    func array(_ body: () -> Void) {
        container(open: "[", close: "]", body)
    }

    /// A member name; the next value written is its value.
    func key(_ name: String) {
        beginValue()
        quoted(name)
        raw(": ")
        awaitingValue = true
    }

    // MARK: - Values

    func string(_ s: String?) {
        guard let s else { return null() }
        beginValue()
        quoted(s)
    }

    func number(_ n: Int?) {
        guard let n else { return null() }
        beginValue()
        raw(String(n))
    }

    func bool(_ b: Bool?) {
        guard let b else { return null() }
        beginValue()
        raw(b ? "true" : "false")
    }

    func null() {
        beginValue()
        raw("null")
    }

    /// `"name": value` for the common cases.
    func field(_ name: String, _ value: String?) { key(name); string(value) }
    func field(_ name: String, _ value: Int?) { key(name); number(value) }
    func field(_ name: String, _ value: Bool?) { key(name); bool(value) }

    /// Writes what is buffered.
    func flush() {
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
    private func container(open: String, close: String, _ body: () -> Void) {
        beginValue()
        let breaks = stack.isEmpty || (stack.count == 1 && open == "[")
        raw(open)
        stack.append(Container(breaksLines: breaks))
        body()
        let done = stack.removeLast()
        if done.breaksLines && done.count > 0 { newline() }
        raw(close)
    }

    /// The comma, space or line break before an item.
    private func beginValue() {
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

    private func newline() {
        raw("\n" + String(repeating: "  ", count: stack.count))
    }

    private func quoted(_ s: String) {
        // Almost every string needs no escaping: append it whole (per-byte appends to a class
        // property cost an exclusivity check each).
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C }) {
            var piece: [UInt8] = [0x22]
            piece.reserveCapacity(s.utf8.count + 2)
            piece.append(contentsOf: s.utf8)
            piece.append(0x22)
            buffer.append(contentsOf: piece)
            flushIfFull()
            return
        }
        buffer.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20: raw("\\u00" + String(b >> 4, radix: 16) + String(b & 0xF, radix: 16))
            default: buffer.append(b)
            }
        }
        buffer.append(0x22)
        flushIfFull()
    }

    private func raw(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        flushIfFull()
    }

    private func flushIfFull() {
        if buffer.count >= 1 << 16 { flush() }
    }
}
