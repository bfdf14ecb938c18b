import Remedy

/// What a fix changes: one of the remedies helofix can apply, or the rollback of a transaction.
/// The form's text is turned into a ``FixTarget`` on every keystroke and planned by the runtime,
/// so the Remedy layer's own validation speaks while the admin types.
public enum FixTarget: Sendable, Hashable {
    /// A remedy request (rename, greeting, whitelist, remove domain).
    case remedy(RemedyRequest)
    /// Undo transaction `id` (as a new transaction).
    case rollback(String)

    /// One line for the confirmation and the history (`remove-domain-traces shop.example.com`).
    public var summary: String {
        switch self {
        case .remedy(let request): request.summary
        case .rollback(let id): "rollback \(id)"
        }
    }
}
