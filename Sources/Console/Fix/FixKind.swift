import Remedy

/// The kind of change a form edits: decides the field's label, the request it builds and how
/// the change must be confirmed.
public enum FixKind: Sendable, Hashable {
    /// Rename this server (the platform's `set_hostname`).
    case renameHostname
    /// Set (or, with an empty name, remove) the outgoing greeting for a key (`*`, a domain, an IP).
    case editGreeting(key: String)
    /// Exempt a sender IP or range with the list that really bypasses the check.
    case whitelist
    /// Remove every trace of a domain.
    case removeDomain
    /// Undo a transaction.
    case rollback(id: String)

    /// The form's label.
    public var fieldLabel: String {
        switch self {
        case .renameHostname: "New hostname"
        case .editGreeting(let key): "Greeting for \(key) (empty removes it)"
        case .whitelist: "Sender IP or range"
        case .removeDomain: "Domain to remove"
        case .rollback: "Transaction"
        }
    }

    /// The remedy in the catalog this form applies; `nil` for a rollback.
    public var remedy: RemedyKind? {
        switch self {
        case .renameHostname: .renameHostname
        case .editGreeting: .editGreeting
        case .whitelist: .whitelistSender
        case .removeDomain: .removeDomainTraces
        case .rollback: nil
        }
    }

    /// The form for a catalog remedy about `target` (a greeting form edits the key `target`).
    public init(_ remedy: RemedyKind, target: String) {
        switch remedy {
        case .renameHostname: self = .renameHostname
        case .editGreeting: self = .editGreeting(key: target)
        case .whitelistSender: self = .whitelist
        case .removeDomainTraces: self = .removeDomain
        }
    }

    /// What the change does, as the confirmation names it.
    public var verb: String { remedy?.verb ?? "roll back" }

    /// Whether the form is skipped (a rollback has nothing to type).
    public var hasForm: Bool {
        if case .rollback = self { return false }
        return true
    }

    /// The target for the text typed in the form (for a greeting, an empty text removes it).
    public func target(for text: String) -> FixTarget {
        switch self {
        case .editGreeting(let key): .remedy(RemedyKind.editGreeting.request(key, name: text))
        case .rollback(let id): .rollback(id)
        default: remedy.map { .remedy($0.request(text)) } ?? .rollback(text)
        }
    }

    /// The word a destructive change makes the admin type (the domain, the current hostname);
    /// `nil` when pressing `y` is enough.
    public func confirmationWord(text: String, hostname: String?) -> String? {
        switch self {
        case .removeDomain: text
        case .renameHostname: hostname ?? text
        default: nil
        }
    }
}
