/// The usual shape of a big domain file, recognized in one pass over its bytes: every line empty
/// or a lower-case host name (`/etc/localdomains`), or `name: account` (`/etc/userdomains`, with
/// its `*: nobody` line), every line ended by `\n`.
///
/// For such a file Exim's lsearch rules (``LsearchParser``) give each key exactly its line, and
/// nothing but a repeated key can be worth a diagnostic; so the reader can take the keys straight
/// from the bytes, one hash per line, without an ``LsearchEntry`` and its strings. Any other
/// byte or shape anywhere (upper case, quotes, comments, blanks, CR, a missing final newline, a
/// name that is not a host name) answers `nil`, and the whole file takes the general parser, so
/// what the odd lines report stays exactly what it was.
struct PlainDomainLines {
    /// 1-based line number of each key line, in file order.
    private(set) var lines: [Int] = []
    /// The key's bytes (a host name, or `*` in a `name: account` file).
    private(set) var keys: [Range<Int>] = []
    /// The account's bytes (`name: account` files; empty in lists).
    private(set) var values: [Range<Int>] = []

    /// A list of host names (lsearch `.list` files), or `nil` when any line is not plain.
    static func list(_ buf: UnsafeBufferPointer<UInt8>) -> PlainDomainLines? {
        scan(buf, withValues: false)
    }

    /// A `name: account` file (a colon, one optional space, an account of letters, digits, `_`, `-`
    /// or `.`), or `nil` when any line is not plain.
    static func owners(_ buf: UnsafeBufferPointer<UInt8>) -> PlainDomainLines? {
        scan(buf, withValues: true)
    }

    private static func scan(_ buf: UnsafeBufferPointer<UInt8>, withValues: Bool) -> PlainDomainLines? {
        let n = buf.count
        guard n == 0 || buf[n - 1] == 0x0A else { return nil }
        var out = PlainDomainLines()
        // Room for about one line in 16 bytes (a big list's lines are about that long), so the
        // arrays are rarely grown and copied.
        out.lines.reserveCapacity(n / 16)
        out.keys.reserveCapacity(n / 16)
        if withValues { out.values.reserveCapacity(n / 16) }
        var start = 0, number = 0
        // One pass: each part of a line is read up to the first byte it cannot hold, which must
        // be what comes next (the final `\n` stops every loop).
        while start < n {
            number += 1
            if buf[start] == 0x0A {
                start += 1
                continue
            }
            var keyEnd = start
            while isNameByte(buf[keyEnd]) { keyEnd += 1 }
            let isStar = withValues && keyEnd == start && buf[start] == UInt8(ascii: "*")
            if isStar { keyEnd += 1 }
            if !isStar { guard keyEnd > start, HostName.isValid(bytes: UnsafeBufferPointer(rebasing: buf[start..<keyEnd])) else { return nil } }
            let end: Int
            if withValues {
                guard buf[keyEnd] == UInt8(ascii: ":") else { return nil }
                var valueStart = keyEnd + 1
                if buf[valueStart] == 0x20 { valueStart += 1 }
                var valueEnd = valueStart
                while isAccountByte(buf[valueEnd]) { valueEnd += 1 }
                guard valueEnd > valueStart, buf[valueEnd] == 0x0A else { return nil }
                end = valueEnd
                out.values.append(valueStart..<end)
            } else {
                guard buf[keyEnd] == 0x0A else { return nil }
                end = keyEnd
            }
            out.lines.append(number)
            out.keys.append(start..<keyEnd)
            start = end + 1
        }
        return out
    }

    /// Lower-case letters, digits, `-`, `_`, `.`: the bytes of a lower-case host name.
    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2E || b == 0x5F
    }

    /// Letters of either case, digits, `-`, `_`, `.`.
    private static func isAccountByte(_ b: UInt8) -> Bool {
        isNameByte(b) || (b >= 0x41 && b <= 0x5A)
    }
}
