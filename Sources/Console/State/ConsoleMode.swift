/// Whether the console may change the server.
public enum ConsoleMode: Sendable, Hashable {
    /// Fixes may be applied (the runtime executes change effects).
    case edit
    /// `--read-only`, or not root: change effects are refused.
    case readOnly
    /// `helofix demo`: edits go to a temporary copy of the demo server.
    case demo

    /// The word in the header.
    public var label: String {
        switch self {
        case .edit: "EDIT"
        case .readOnly: "READ-ONLY"
        case .demo: "DEMO"
        }
    }

    /// Whether change effects may run.
    public var allowsChanges: Bool { self != .readOnly }
}

/// Which screen is up.
public enum Screen: Sendable, Hashable {
    /// The three panes.
    case main
    /// All findings, most severe first.
    case findings
    /// One finding's explanation, evidence and remedies.
    case detail
    /// Keys and what they do.
    case help
}

/// How far the mail-log scan has come.
public enum LogScanStatus: Sendable, Hashable {
    /// No log to read (none configured or the file is missing).
    case noLog(String)
    /// Reading the existing log: bytes done of total.
    case scanning(done: Int64, total: Int64)
    /// Caught up; following new lines.
    case following(rejections: Int)
    /// The log could not be read.
    case failed(String)
}
