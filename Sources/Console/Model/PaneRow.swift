/// A row of one pane, prepared once per snapshot so that drawing a frame is cheap.
public struct PaneRow: Sendable, Hashable {
    /// The main text (a domain, `key → greeting`, an address or range).
    public var text: String
    /// Secondary text drawn dim at the right (owner, lists, the whitelist's name).
    public var note: String
    /// The lower-cased name or address this row stands for (matched against finding subjects).
    public var key: String
    /// A second name it stands for (a greeting's sender domain, a whitelist entry's canonical IP).
    public var alias: String?
    /// The worst finding touching this row.
    public var severity: SeverityMark?
    /// Indexes into ``ConsoleData/findings`` of the findings touching this row.
    public var findings: [Int]
    /// Creates a row. Kept small (no per-row arrays beyond findings): 100,000 of them are built per update.
    public init(text: String, note: String, key: String, alias: String? = nil, severity: SeverityMark? = nil, findings: [Int] = []) {
        self.text = text
        self.note = note
        self.key = key
        self.alias = alias
        self.severity = severity
        self.findings = findings
    }

    /// Every name the row stands for.
    public var keys: [String] { alias.map { [key, $0] } ?? [key] }

    /// Whether the filter `needle` (lower case) matches the text or the note.
    public func matches(_ needle: String) -> Bool {
        text.lowercased().contains(needle) || note.lowercased().contains(needle)
    }
}
