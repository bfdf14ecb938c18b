/// Iterates the lines of a byte buffer (without their `\n` and a trailing `\r`), with 1-based numbers.
/// Byte-level on purpose: String splitting is far slower on files with 100,000 lines.
struct ByteLines: Sequence, IteratorProtocol {
    let bytes: [UInt8]
    private var start = 0
    private var number = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func next() -> (number: Int, line: ArraySlice<UInt8>)? {
        guard start < bytes.count else { return nil }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        var lineEnd = end
        if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        defer { start = end + 1 }
        number += 1
        return (number, bytes[start..<lineEnd])
    }
}

extension ArraySlice<UInt8> {
    /// The slice without leading and trailing blanks (space, tab, CR).
    var trimmedBlanks: ArraySlice<UInt8> {
        var s = self
        while let f = s.first, f == 0x20 || f == 0x09 || f == 0x0D { s = s.dropFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 || l == 0x0D { s = s.dropLast() }
        return s
    }

    /// Decoded as UTF-8 (invalid bytes replaced).
    var string: String { String(decoding: self, as: UTF8.self) }
}

extension String {
    /// Lower-cased, without allocating when the text has no upper-case letters (the usual case for
    /// domain names, and this runs once per domain).
    var foldedForLookup: String {
        utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 } ? lowercased() : self
    }
}
