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
