#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `zone "D"` stanzas of a BIND configuration (`/etc/named.conf`): the file as read and, for
/// each stanza line, its number and the quoted name's bytes (a trailing dot dropped). A big
/// server's file has 400,000 lines, so it is scanned on bytes, on a thread of its own.
struct ZoneStanzas: Sendable {
    /// The file as read (missing, failed, or its bytes).
    let file: FileRead
    /// 1-based line numbers of the stanzas, in file order.
    private(set) var lines: [Int] = []
    /// The byte range of each stanza's name in the file.
    private(set) var names: [Range<Int>] = []

    /// Reads and scans `serverPath` under `root`.
    init(_ root: ServerRoot, _ serverPath: String) {
        file = root.read(serverPath)
        guard case .content(let bytes, _) = file else { return }
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    /// A line counts when, after blanks (space, tab, CR), it starts with `zone` and holds two
    /// double quotes: the name is what lies between the first two.
    private mutating func scan(_ buf: UnsafeBufferPointer<UInt8>) {
        let n = buf.count
        guard let base = buf.baseAddress else { return }
        var start = 0, number = 0
        while start < n {
            number += 1
            // `memchr` finds the line's end many bytes at a time (8 MB of a big server's file).
            let end = memchr(base + start, 0x0A, n - start).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? n
            defer { start = end + 1 }
            var i = start
            while i < end && (buf[i] == 0x20 || buf[i] == 0x09 || buf[i] == 0x0D) { i += 1 }
            guard end - i >= 4, buf[i] == 0x7A, buf[i + 1] == 0x6F, buf[i + 2] == 0x6E, buf[i + 3] == 0x65 else { continue }
            var open = i + 4
            while open < end && buf[open] != 0x22 { open += 1 }
            guard open < end else { continue }
            var close = open + 1
            while close < end && buf[close] != 0x22 { close += 1 }
            guard close < end else { continue }
            var nameEnd = close
            if nameEnd > open + 1 && buf[nameEnd - 1] == UInt8(ascii: ".") { nameEnd -= 1 }
            lines.append(number)
            names.append((open + 1)..<nameEnd)
        }
    }
}
