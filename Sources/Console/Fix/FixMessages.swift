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

/// What the runtime reports back (carried by ``ConsoleEvent/fix(_:)``).
public enum FixEvent: Sendable {
    /// The plan for a target, or the Remedy layer's refusal.
    case planned(FixTarget, Result<Plan, RemedyError>)
    /// The transaction committed, or failed with everything put back.
    case applied(FixTarget, Result<TransactionRecord, RemedyError>)
    /// Exim's verdict, one line.
    case verified(String)
    /// Every transaction, oldest first.
    case historyLoaded([TransactionRecord])
    /// One transaction's diff.
    case diffLoaded(id: String, text: String)
}

/// The one-line messages of the fix screens.
public enum FixText {
    /// What an edit key says in a read-only session.
    public static let readOnly = "read-only: run as root without --read-only to make changes"
}
