import Diagnosis
import DomainDNS
import MailServer

/// Everything one analysis of a server found: the snapshot of its files, the rejections in its
/// logs, the findings, and what the enrichments added.
public struct AnalysisReport: Sendable {
    /// The server's files as read.
    public var snapshot: ServerSnapshot
    /// The impersonation rejections in the logs, grouped per (IP, greeting).
    public var logs: LogScanReport
    /// Detected conflicts, most severe first.
    public var findings: [Finding]
    /// One sentence per thing an enrichment could not do or wants said ("DNS was not consulted").
    public var notes: [String]
    /// The enrichments that ran to the end, by name.
    public var enrichedBy: [String]
    /// What DNS said (``DNSEvidence``); `nil` when that enrichment did not run.
    public var dns: DNSReport? = nil

    /// Creates a report.
    public init(snapshot: ServerSnapshot, logs: LogScanReport, findings: [Finding], notes: [String] = [], enrichedBy: [String] = []) {
        self.snapshot = snapshot
        self.logs = logs
        self.findings = findings
        self.notes = notes
        self.enrichedBy = enrichedBy
    }

    /// Puts the findings back in severity order after an enrichment changed some severities;
    /// findings of equal severity keep their order.
    public mutating func sortFindings() {
        findings = FindingEngine.mostSevereFirst(findings)
    }
}

extension LogScanReport {
    /// A report of no logs read.
    public static let empty = LogScanReport(groups: [], rejections: 0, files: [], problems: [])
}
