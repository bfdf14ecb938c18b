import MailServer

/// A conflict between servers of a fleet: which servers are involved and where the fix belongs.
public struct FleetFinding: Sendable, Hashable, Identifiable {
    /// Stable rule id.
    public var rule: FleetRuleID
    /// How bad.
    public var severity: Severity
    /// One line: what is wrong.
    public var title: String
    /// What it is about.
    public var subjects: [Subject]
    /// Every server involved, by inventory name.
    public var servers: [String]
    /// The server where the fix belongs; `nil` when the evidence cannot tell (the remedies then name each side).
    public var fixOn: String?
    /// Files and log lines that show it, per server.
    public var evidence: [FleetEvidence]
    /// What happens to whose mail and why.
    public var explanation: String
    /// What to do, recommended first.
    public var remedies: [FleetRemedy]

    /// Rule, subjects and the server to fix: stable across runs.
    public var id: String { rule.rawValue + ":" + subjects.map(\.text).joined(separator: ",") + "@" + (fixOn ?? "?") }
}
