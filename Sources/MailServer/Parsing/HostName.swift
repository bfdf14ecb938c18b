/// Checks for DNS host names as RFC 1123 allows them (letters, digits, hyphens; labels of 1–63).
public enum HostName {
    /// Whether `name` is a syntactically valid host name (a trailing dot is allowed).
    /// Works on UTF-8 bytes: it runs for every domain of a 100,000-domain server.
    public static func isValid(_ name: some StringProtocol) -> Bool {
        // The UTF-8 storage itself, not a copy into an array: no allocation per name.
        name.utf8.withContiguousStorageIfAvailable { isValid(bytes: $0) } ?? Array(name.utf8).withUnsafeBufferPointer { isValid(bytes: $0) }
    }

    /// ``isValid(_:)`` on UTF-8 bytes.
    static func isValid(bytes utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var count = utf8.count
        if utf8.last == UInt8(ascii: ".") { count -= 1 }
        guard count > 0, count <= 253 else { return false }
        var labelLength = 0
        var previous: UInt8 = UInt8(ascii: ".")
        for b in utf8.prefix(count) {
            if b == UInt8(ascii: ".") {
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
                labelLength = 0
            } else {
                // Underscores appear in real-world names (DKIM selectors, some panels); Exim accepts them.
                guard isAlnum(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") else { return false }
                if labelLength == 0 && b == UInt8(ascii: "-") { return false }
                labelLength += 1
                guard labelLength <= 63 else { return false }
            }
            previous = b
        }
        return labelLength > 0 && previous != UInt8(ascii: "-")
    }

    /// Whether `name` is a fully qualified host name: valid, with at least one dot, not all-numeric.
    public static func isFullyQualified(_ name: some StringProtocol) -> Bool {
        isValid(name) && name.contains(".") && IPAddress(name) == nil
            && !(name.split(separator: ".").last?.allSatisfy(\.isNumber) ?? true)
    }

    private static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
