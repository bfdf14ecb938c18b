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

    /// Rule plus subjects: stable across re-reads, so the console keeps its selection. A finding
    /// about many subjects (the grouped orphans of a million-line list) names its first ten and
    /// counts the rest, so the id stays short enough to compare on every frame.
    public var id: String {
        let named = subjects.prefix(Self.subjectsInID).map(\.text).joined(separator: ",")
        let more = subjects.count > Self.subjectsInID ? ",+\(subjects.count - Self.subjectsInID)" : ""
        return rule.rawValue + ":" + named + more
    }

    /// Subjects named in ``id``.
    public static let subjectsInID = 10
}
