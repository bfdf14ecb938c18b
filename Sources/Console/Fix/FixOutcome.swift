import Diagnosis
import Remedy

/// How an apply ended.
public struct FixOutcome: Sendable {
    /// The transaction, when it committed.
    public var record: TransactionRecord?
    /// The refusal or failure (nothing was changed), when it did not.
    public var error: String?
    /// Whether the server has been read again since.
    public var reread: Bool
    /// Whether the finding is still reported after the re-read, and its title.
    public var findingStillThere: Finding?
    /// The answer of `exim -bh`, once asked.
    public var verification: String?
    /// Whether `exim -bh` is being asked now (a second `v` waits for this answer).
    public var verifying = false
}
