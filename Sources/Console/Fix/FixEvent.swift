import Remedy

/// What the runtime reports back (carried by ``ConsoleEvent/fix(_:)``).
public enum FixEvent: Sendable {
    /// The plan for a target, or the Remedy layer's refusal.
    case planned(FixTarget, Result<Plan, RemedyError>)
    /// The transaction committed, or failed with everything put back.
    case applied(FixTarget, Result<TransactionRecord, RemedyError>)
    /// The server has been read again since this target's transaction committed: the
    /// ``ConsoleEvent/serverRead(_:findings:)`` just before it carries that read. Reads that were
    /// under way during the apply arrive without it, so they never count as "after the fix".
    case reread(after: FixTarget)
    /// Exim's verdict, one line.
    case verified(String)
    /// Every transaction, oldest first.
    case historyLoaded([TransactionRecord])
    /// One transaction's diff.
    case diffLoaded(id: String, text: String)
}
