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
    /// Lower-cased names and addresses this row stands for (matched against finding subjects).
    public var keys: [String]
    /// The worst finding touching this row.
    public var severity: SeverityMark?
    /// Indexes into ``ConsoleData/findings`` of the findings touching this row.
    public var findings: [Int]
    /// Lower-cased `text + note`, for the filter.
    public var searchText: String

    /// Creates a row.
    public init(text: String, note: String, keys: [String], severity: SeverityMark? = nil, findings: [Int] = []) {
        self.text = text
        self.note = note
        self.keys = keys
        self.severity = severity
        self.findings = findings
        searchText = (text + " " + note).lowercased()
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
