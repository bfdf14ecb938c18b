import MailServer

/// How bad a finding is.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    /// Mail is being refused now, or certainly will be.
    case critical
    /// A latent conflict or a mistake that will bite.
    case warning
    /// Worth knowing.
    case info

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The stable rule ids (scripts depend on them; issue "Findings").
public enum RuleID: String, Codable, Sendable, CaseIterable {
    case hostnameIsHostedDomain = "hostname-is-hosted-domain"
    case rejectedHeloIsHostname = "rejected-helo-is-hostname"
    case rejectedHeloIsLocalDomain = "rejected-helo-is-local-domain"
    case orphanLocalDomain = "orphan-local-domain"
    case localAndRemoteDomain = "local-and-remote-domain"
    case staleDomainTraces = "stale-domain-traces"
    case greetingIsHostedDomain = "greeting-is-hosted-domain"
    case ineffectiveWhitelist = "ineffective-whitelist"
    case unquotedIPv6 = "unquoted-ipv6"
    case invisibleEntry = "invisible-entry"
    case invalidEntry = "invalid-entry"
    case broadWhitelist = "broad-whitelist"
    case relayWhitelist = "relay-whitelist"
    case mailheloNotPersistent = "mailhelo-not-persistent"
    case staleLock = "stale-lock"
    case hostnameNotLocal = "hostname-not-local"
    case checkDisabled = "check-disabled"
    case domainMovedAway = "domain-moved-away"
}

/// What a finding is about, so the console can highlight related rows in every pane.
public enum Subject: Codable, Sendable, Hashable {
    /// A domain (lower case).
    case domain(String)
    /// A host name (the server's hostname, a greeting name).
    case hostName(String)
    /// A sender IP.
    case ip(IPAddress)
    /// A file.
    case file(String)

    /// The subject as text.
    public var text: String {
        switch self {
        case .domain(let d): d
        case .hostName(let h): h
        case .ip(let ip): ip.description
        case .file(let f): f
        }
    }
}

/// One piece of evidence: a file line, or a group of log lines.
public enum Evidence: Codable, Sendable, Hashable {
    /// A configuration line (or whole file) with its text.
    case file(SourceLocation, text: String)
    /// Log rejections of one (IP, greeting) pair.
    case log(RejectionGroup)
    /// What public DNS answered (`shop.example.com MX` -> `10 mx.newhost.example`).
    case dns(query: String, answer: String)
}

/// One of the four fixes helofix can make, or advice for the sending side.
public enum RemedySuggestion: Codable, Sendable, Hashable {
    /// Rename this server's hostname (the platform's way).
    case renameHostname(current: String)
    /// Set, change or remove an outgoing greeting entry (`*` for the default).
    case editGreeting(key: String)
    /// Whitelist a sender IP or range with the mechanism that really bypasses the check.
    case whitelistSender(String)
    /// Remove every trace of a domain that is hosted elsewhere now.
    case removeDomainTraces(String)
    /// Something to change on the sending side (or in a file by hand), in plain words.
    case advice(String)
}

/// A remedy with its trade-off in plain words; the first is the recommended one.
public struct RemedyOption: Codable, Sendable, Hashable {
    /// What to do.
    public var suggestion: RemedySuggestion
    /// One-line title ("Remove shop.example.com's traces from this server").
    public var title: String
    /// Trade-offs and risks (a whitelist states that an infected sender's spam skips the checks).
    public var tradeOff: String

    /// Creates an option.
    public init(_ suggestion: RemedySuggestion, title: String, tradeOff: String) {
        self.suggestion = suggestion
        self.title = title
        self.tradeOff = tradeOff
    }
}

/// A detected conflict, with evidence, a plain-words explanation and the remedies.
public struct Finding: Codable, Sendable, Hashable, Identifiable {
    /// Stable rule id.
    public var rule: RuleID
    /// How bad.
    public var severity: Severity
    /// One line: what is wrong.
    public var title: String
    /// What it is about (domains, host names, IPs).
    public var subjects: [Subject]
    /// Files and log lines that show it.
    public var evidence: [Evidence]
    /// What happens to whose mail and why.
    public var explanation: String
    /// What to do, recommended first.
    public var remedies: [RemedyOption]
    /// What the server's own Exim answers today for this finding's sender (``EximVerdict``), when
    /// it was asked (`inspect --confirm`); `nil` otherwise.
    public var exim: EximVerdict? = nil

    /// Creates a finding.
    public init(rule: RuleID, severity: Severity, title: String, subjects: [Subject], evidence: [Evidence],
                explanation: String, remedies: [RemedyOption]) {
        self.rule = rule
        self.severity = severity
        self.title = title
        self.subjects = subjects
        self.evidence = evidence
        self.explanation = explanation
        self.remedies = remedies
    }

    /// Rule plus subjects: stable across re-reads, so the console keeps its selection.
    public var id: String { rule.rawValue + ":" + subjects.map(\.text).joined(separator: ",") }
}
