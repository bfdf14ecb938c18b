/// Side effects the reducer asks for; the runtime performs them. A read-only runtime simply has no
/// executor for change effects, and the reducer refuses to emit them when the mode forbids changes.
public enum ConsoleEffect: Sendable, Hashable {
    /// Restore the terminal and exit 0.
    case quit
    /// Repaint the whole terminal (Ctrl-L; after a resize).
    case redrawScreen
    /// Read the server again and re-run the findings.
    case rereadServer
    /// Apply a change plan (issue "fixes"): identified by the finding and the chosen remedy.
    /// Only an edit-mode runtime executes it.
    case applyRemedy(findingID: String, remedy: Int)
    /// Plan, apply, verify or read the history for the fix screens (see ``FixEffect``).
    case fix(FixEffect)
}
