/// Why a plan, a transaction, a rollback or a verification was refused or failed. The message is
/// one line that says what happened, to which file or entry, and what to do next.
public struct RemedyError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What kind of failure (for tests and exit codes).
    public enum Kind: String, Sendable {
        /// The admin's input is not acceptable (a bad host name, an over-broad range).
        case invalidInput = "invalid-input"
        /// The remedy does not apply here (nothing to change, wrong platform).
        case notApplicable = "not-applicable"
        /// The target is unsafe to write (symlink, hard link, immutable, not a regular file).
        case unsafeTarget = "unsafe-target"
        /// Someone else holds the lock or changed the file since the plan.
        case conflict
        /// A system call or command failed.
        case failed
    }

    /// What kind of failure.
    public var kind: Kind
    /// The one-line message.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
