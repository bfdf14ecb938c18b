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
