/// Checks for DNS host names as RFC 1123 allows them (letters, digits, hyphens; labels of 1–63).
public enum HostName {
    /// Whether `name` is a syntactically valid host name (a trailing dot is allowed).
    public static func isValid(_ name: some StringProtocol) -> Bool {
        var text = Substring(name)
        if text.hasSuffix(".") { text = text.dropLast() }
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        for label in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-" else { return false }
            // Underscores appear in real-world names (DKIM selectors, some panels); Exim accepts them.
            guard label.utf8.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else { return false }
        }
        return true
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
