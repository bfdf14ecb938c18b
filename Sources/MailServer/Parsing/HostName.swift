/// Checks for DNS host names as RFC 1123 allows them (letters, digits, hyphens; labels of 1–63).
public enum HostName {
    /// Whether `name` is a syntactically valid host name (a trailing dot is allowed).
    /// Works on UTF-8 bytes: it runs for every domain of a 100,000-domain server.
    public static func isValid(_ name: some StringProtocol) -> Bool {
        // The UTF-8 storage itself, not a copy into an array: no allocation per name.
        name.utf8.withContiguousStorageIfAvailable { isValid(bytes: $0) } ?? Array(name.utf8).withUnsafeBufferPointer { isValid(bytes: $0) }
    }

    /// ``isValid(_:)`` on UTF-8 bytes.
    ///
    /// Indexes into the buffer and classifies a byte with one bit test: it runs for 400,000 names
    /// of a big server (lists, directories, `named.conf`).
    static func isValid(bytes utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
        var count = utf8.count
        if count > 0 && utf8[count - 1] == dot { count -= 1 }
        guard count > 0, count <= 253, let base = utf8.baseAddress else { return false }
        // Where the current label starts; a label is 1 to 63 bytes, not starting or ending with `-`.
        var labelStart = 0
        for i in 0..<count {
            let b = base[i]
            if b == dot {
                guard i > labelStart, base[i - 1] != hyphen else { return false }
                labelStart = i + 1
            } else {
                guard isLabelByte(b), b != hyphen || i > labelStart, i - labelStart < 63 else { return false }
            }
        }
        return count > labelStart && base[count - 1] != hyphen
    }

    /// Letters, digits, `-` and `_` (underscores appear in real-world names, DKIM selectors and
    /// some panels, and Exim accepts them): one bit each in two words for the bytes below 128.
    @inline(__always) private static func isLabelByte(_ b: UInt8) -> Bool {
        let digitsAndHyphen: UInt64 = 0x3FF << 0x30 | 1 << 0x2D
        let lettersAndUnderscore: UInt64 = 0x3FF_FFFF << (0x41 - 64) | 1 << (0x5F - 64) | 0x3FF_FFFF << (0x61 - 64)
        if b < 64 { return digitsAndHyphen >> UInt64(b) & 1 != 0 }
        if b < 128 { return lettersAndUnderscore >> UInt64(b - 64) & 1 != 0 }
        return false
    }

    /// Whether `name` is a fully qualified host name: valid, with at least one dot, not all-numeric.
    public static func isFullyQualified(_ name: some StringProtocol) -> Bool {
        isValid(name) && name.contains(".") && IPAddress(name) == nil
            && !(name.split(separator: ".").last?.allSatisfy(\.isNumber) ?? true)
    }
}
