import Remedy

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
