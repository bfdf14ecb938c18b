import Diagnosis
import Remedy

/// The steps of a fix, in order. Esc goes back one step; nothing is written before ``confirm``.
public enum FixStep: Sendable, Hashable {
    /// Wizard only: what is wrong, in plain words, with the evidence.
    case explain
    /// The options with their trade-offs, recommended first.
    case choose
    /// A remedy only the admin can carry out (the sender's own setup): what to do, then "done".
    case byHand
    /// The value to type, validated by the Remedy layer as it is typed.
    case form
    /// The plan: every file's unified diff and every command.
    case preview
    /// Name the change (type the domain or hostname for destructive ones).
    case confirm
    /// The transaction is running on the runtime's worker: the screen still answers keys (scroll,
    /// help), but nothing that would leave the step or start other work.
    case applying
    /// What was done, and whether the finding is gone.
    case result
}
