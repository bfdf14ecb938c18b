
/// One key line of a file that Exim reads with `lsearch`/`iplsearch`.
public struct LsearchEntry: Sendable {
    /// The key as Exim sees it (quotes removed), or the indented text for an invisible line.
    public var key: String
    /// The data after the key (continuation lines joined with a space).
    public var value: String
    /// 1-based line number.
    public var line: Int
    /// The key was in double quotes.
    public var quoted: Bool
    /// `false` when the line starts with white space: Exim reads it as a continuation, not a key.
    public var visible: Bool
    /// The whole file and this line's byte range in it: `raw` and `unquotedToken` are made only
    /// when asked for, which saves two strings per line on 100,000-line files.
    let file: [UInt8]
    let range: Range<Int>

    /// The raw line (without its line end).
    public var raw: String { String(decoding: file[range], as: UTF8.self) }

    /// The text up to the first white space, before Exim's `:` rule cut it (used to spot unquoted IPv6).
    public var unquotedToken: String {
        let text = file[range].drop { $0 == 0x20 || $0 == 0x09 }
        return String(decoding: text.prefix { $0 != 0x20 && $0 != 0x09 }, as: UTF8.self)
    }
}
