import MailServer

/// Checks on what the admin typed, before it can reach a file. Each refusal is one line that
/// names the value and says what to type instead.
enum InputRules {
    /// Refuses characters that would change the meaning of an lsearch line: `:` ends a key,
    /// white space ends a key, a newline starts a new entry, `"` and `#` change quoting/comments.
    static func plainToken(_ value: String, what: String) throws(RemedyError) {
        if value.isEmpty { throw RemedyError(.invalidInput, "the \(what) is empty; give a value") }
        if let bad = value.unicodeScalars.first(where: { $0.value < 0x21 || $0.value == 0x7F || $0 == ":" || $0 == "\"" || $0 == "#" || $0 == ";" || $0.value > 0x7E }) {
            let shown = bad.value < 0x21 || bad.value == 0x7F ? "a control or white-space character (0x\(String(bad.value, radix: 16)))" : "\"\(bad)\""
            throw RemedyError(.invalidInput, "the \(what) \(printable(value)) contains \(shown), which would change how Exim reads the line; give a plain host name")
        }
    }

    /// A host name as RFC 1123 allows it, lower case and fully qualified.
    static func hostName(_ value: String, what: String, maxLength: Int = 253) throws(RemedyError) {
        try plainToken(value, what: what)
        if value != value.lowercased() {
            throw RemedyError(.invalidInput, "the \(what) \(value) has capital letters; use lower case: \(value.lowercased())")
        }
        if value.utf8.count > maxLength {
            throw RemedyError(.invalidInput, "the \(what) \(value) is \(value.utf8.count) characters long; the limit is \(maxLength)")
        }
        let strict = value.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
        guard strict, HostName.isFullyQualified(value) else {
            throw RemedyError(.invalidInput, "the \(what) \(value) is not a valid fully qualified host name (RFC 1123: letters, digits and hyphens, at least one dot), e.g. mail.example.com")
        }
    }

    /// An IP address or CIDR range, with no white space or newline smuggled in.
    static func network(_ value: String) throws(RemedyError) -> IPNetwork {
        if value.isEmpty { throw RemedyError(.invalidInput, "the address is empty; give an IP address or range such as 198.51.100.25 or 198.51.100.0/24") }
        if value.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value > 0x7E || $0 == "\"" || $0 == ";" || $0 == "#" }) {
            throw RemedyError(.invalidInput, "the address \(printable(value)) contains white space, quotes or control characters; give only the address or range")
        }
        guard let net = IPNetwork(value) else {
            throw RemedyError(.invalidInput, "\(value) is not an IP address or CIDR range; give one such as 198.51.100.25, 198.51.100.0/24 or 2001:db8::/48")
        }
        return net
    }

    /// The value with control characters made visible.
    static func printable(_ value: String) -> String {
        var out = "\""
        for s in value.unicodeScalars.prefix(80) {
            switch s {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += s.value < 0x20 || s.value == 0x7F ? "\\x\(String(s.value, radix: 16))" : String(s)
            }
        }
        return out + "\""
    }
}
