/// A file named directly in an Exim host list (DirectAdmin's `hostlist whitelist_hosts_ip =
/// /etc/virtual/whitelist_hosts_ip`): not an lsearch file. Exim reads one item a line, trims white
/// space at both ends, skips empty lines and `#` comments (a `#` after white space ends the item).
/// So an unquoted IPv6 address and an indented line work, while a quoted address or an
/// `IP: note` line is a host-name pattern that never matches an address (verified with real Exim).
public struct PlainHostList: Sendable {
    /// One item and where it is.
    public struct Item: Sendable, Hashable {
        /// The item as Exim sees it (trimmed, comment removed).
        public var text: String
        /// The raw line.
        public var raw: String
        /// 1-based line number.
        public var line: Int
    }

    /// The items, in file order.
    public var items: [Item]

    /// Reads the file's bytes.
    public init(_ bytes: [UInt8]) {
        var items: [Item] = []
        for (number, raw) in ByteLines(bytes) {
            let line = raw.string
            var text = Substring(line)
            if let hash = Self.commentStart(text) { text = text[..<hash] }
            let trimmed = String(String(text).trimmingCharacters(in: " \t\r"))
            guard !trimmed.isEmpty else { continue }
            items.append(Item(text: trimmed, raw: line, line: number))
        }
        self.items = items
    }

    /// A `#` at the start of the trimmed line or after white space starts a comment.
    private static func commentStart(_ s: Substring) -> String.Index? {
        var previous: Character = " "
        for i in s.indices {
            if s[i] == "#", previous == " " || previous == "\t" { return i }
            previous = s[i]
        }
        return nil
    }
}
