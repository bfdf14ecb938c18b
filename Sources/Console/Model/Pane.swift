/// The three lists of the main screen, left to right.
public enum Pane: Int, Sendable, CaseIterable, Hashable {
    case domains = 0, greetings = 1, whitelist = 2

    /// The pane's title as the admin reads it.
    public var title: String {
        switch self {
        case .domains: "Hosted domains"
        case .greetings: "Greeting names"
        case .whitelist: "Whitelisted senders"
        }
    }

    /// The pane to the right (wrapping).
    public var next: Pane { Pane(rawValue: (rawValue + 1) % 3)! }
    /// The pane to the left (wrapping).
    public var previous: Pane { Pane(rawValue: (rawValue + 2) % 3)! }
}

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

/// Where a row is: pane and index in that pane's rows.
public struct RowAddress: Sendable, Hashable {
    public var pane: Pane
    public var row: Int

    public init(_ pane: Pane, _ row: Int) {
        self.pane = pane
        self.row = row
    }
}
