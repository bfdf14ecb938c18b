import Diagnosis

/// The remedies helofix can apply, each under one name: the `kind` in `inspect --format json`,
/// the console's fix form, the history line and the `plan`/`apply` subcommand all use
/// ``rawValue``.
public enum RemedyKind: String, CaseIterable, Sendable, Hashable, Codable {
    /// Give this server a new primary hostname, the platform's way.
    case renameHostname = "rename-hostname"
    /// Set or remove the outgoing greeting for a sender domain, a sending IP or `*`.
    case editGreeting = "edit-greeting"
    /// Exempt a sender IP or range with the list that really bypasses the check here.
    case whitelistSender = "whitelist-sender"
    /// Remove every trace a migration left of a domain hosted elsewhere now.
    case removeDomainTraces = "remove-domain-traces"

    /// The words earlier releases took on the command line; still accepted (hidden) for one
    /// release so scripts keep working.
    public var formerNames: [String] {
        switch self {
        case .renameHostname: []
        case .editGreeting: ["set-greeting", "remove-greeting"]
        case .whitelistSender: ["whitelist"]
        case .removeDomainTraces: ["remove-domain"]
        }
    }

    /// One line for `--help`.
    public var abstract: String {
        switch self {
        case .renameHostname: "Rename this server with the platform's own tool."
        case .editGreeting: "Set the outgoing greeting for a sender domain, a sending IP or '*'; without a name, remove it."
        case .whitelistSender: "Exempt a sender IP or range with the list that really bypasses the check here."
        case .removeDomainTraces: "Remove every trace a migration left of a domain hosted elsewhere now."
        }
    }

    /// What the change does, as a confirmation names it ("remove the domain's traces").
    public var verb: String {
        switch self {
        case .renameHostname: "rename this server"
        case .editGreeting: "change the greeting"
        case .whitelistSender: "whitelist the sender"
        case .removeDomainTraces: "remove the domain's traces"
        }
    }

    /// The request for `target` (the domain, IP, greeting key or new hostname) and, for a
    /// greeting, the new `name` (`nil` or empty removes the greeting).
    public func request(_ target: String, name: String? = nil) -> RemedyRequest {
        switch self {
        case .renameHostname: .renameHostname(target)
        case .editGreeting:
            if let name, !name.isEmpty { .setGreeting(key: target, name: name) } else { .removeGreeting(key: target) }
        case .whitelistSender: .whitelist(target)
        case .removeDomainTraces: .removeDomain(target)
        }
    }
}

extension RemedyRequest {
    /// The catalog entry this request belongs to.
    public var kind: RemedyKind {
        switch self {
        case .renameHostname: .renameHostname
        case .setGreeting, .removeGreeting: .editGreeting
        case .whitelist: .whitelistSender
        case .removeDomain: .removeDomainTraces
        }
    }
}

extension RemedySuggestion {
    /// The catalog entry a finding suggests; `nil` for advice, which helofix cannot apply.
    public var kind: RemedyKind? {
        switch self {
        case .renameHostname: .renameHostname
        case .editGreeting: .editGreeting
        case .whitelistSender: .whitelistSender
        case .removeDomainTraces: .removeDomainTraces
        case .advice: nil
        }
    }

    /// What the suggestion is about: the current hostname, the greeting key, the sender, the
    /// domain, or the advice text.
    public var target: String {
        switch self {
        case .renameHostname(let current): current
        case .editGreeting(let key): key
        case .whitelistSender(let sender): sender
        case .removeDomainTraces(let domain): domain
        case .advice(let text): text
        }
    }
}
