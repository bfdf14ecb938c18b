import Foundation

/// What state a transaction is in, as the history shows it.
public enum TransactionState: String, Sendable, Codable {
    /// Done: the commit marker exists.
    case committed
    /// Undone by a later rollback transaction.
    case rolledBack = "rolled-back"
    /// Interrupted or failed and undone from its journal.
    case aborted
    /// Journal without commit marker: will be undone at the next start in edit mode.
    case interrupted
    /// Journal without commit marker whose process is still alive: in progress in another session.
    case running
}
