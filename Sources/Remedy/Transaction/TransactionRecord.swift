import Foundation

/// A transaction as the history lists it.
public struct TransactionRecord: Sendable, Codable, Hashable {
    /// The transaction id (`helofix rollback ID`).
    public var id: String
    /// When it started.
    public var time: Date
    /// The person (sudo user, else user).
    public var who: String
    /// Who made it.
    public var identity: Identity
    /// `remedy args…` or `rollback ID`.
    public var remedy: String
    /// The plan's one-line title.
    public var title: String
    /// The admin's reason.
    public var reason: String
    /// Server paths of the files it changed.
    public var files: [String]
    public var commands: [String]
    /// Committed, rolled back, aborted, interrupted or running.
    public var state: TransactionState
    /// The transaction it undid (for rollbacks).
    public var rollbackOf: String?
    /// The rollback that undid it.
    public var rolledBackBy: String?
    /// For aborted transactions: why.
    public var note: String?
}
