import Remedy

/// Work the fix screens ask the runtime for (carried by ``ConsoleEffect/fix(_:)``). Only an
/// edit-mode runtime has a transaction executor; a read-only one answers `apply` with a refusal,
/// and the reducer never asks it to in read-only mode anyway.
public enum FixEffect: Sendable, Hashable {
    /// Plan this target (reads only) and answer with ``FixEvent/planned(_:_:)``.
    case plan(FixTarget)
    /// Apply the plan previewed for this target (``FixFlow/readyPlan``) as one transaction, then
    /// re-read the server.
    case apply(FixTarget)
    /// Ask the real Exim (`exim -bh IP`) whether this greeting is accepted now.
    case verify(ip: String, helo: String)
    /// Read the transaction history.
    case loadHistory
    /// Read one transaction's diff from its backups.
    case loadDiff(id: String)
}
