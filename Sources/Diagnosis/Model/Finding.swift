import MailServer

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
