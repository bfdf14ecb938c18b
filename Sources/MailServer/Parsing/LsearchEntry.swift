/// One key line of a file that Exim reads with `lsearch`/`iplsearch`.
public struct LsearchEntry: Sendable, Hashable {
    /// The key as Exim sees it (quotes removed), or the indented text for an invisible line.
    public var key: String
    /// The data after the key (continuation lines joined with a space).
    public var value: String
    /// 1-based line number.
    public var line: Int
    /// The raw line (without its line end).
    public var raw: String
    /// The key was in double quotes.
    public var quoted: Bool
    /// `false` when the line starts with white space: Exim reads it as a continuation, not a key.
    public var visible: Bool
    /// The text up to the first white space, before Exim's `:` rule cut it (used to spot unquoted IPv6).
    public var unquotedToken: String
}

/// A parsed lsearch file: its entries in file order and the problems found.
public struct LsearchFile: Sendable {
    /// Key lines (and invisible indented lines, flagged), in file order.
    public var entries: [LsearchEntry]
    /// Problems found.
    public var diagnostics: [Diagnostic]
}
