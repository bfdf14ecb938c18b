import Diagnosis
import DomainDNS

/// The DNS enrichment: where the findings' domains really get their mail (docs/findings.md, "DNS
/// evidence"). Adds `domain-moved-away` findings and DNS evidence, puts the ``DNSReport`` on the
/// report, and a note when DNS was not consulted or gave no answer. Its resolver pool (and so its
/// cache) lives as long as the enrichment: a re-evaluation asks only new questions.
public struct DNSEvidence: AnalysisEnrichment {
    /// The step itself.
    public let step: DNSEnrichment

    /// Creates the enrichment with `options` (`.off` for `--no-dns`).
    public init(options: DNSOptions) {
        step = DNSEnrichment(options: options)
    }

    /// The enrichment's name in progress events.
    public static let name = "DNS"

    public var name: String { Self.name }

    public func enrich(_ report: inout AnalysisReport, cancellation: AnalysisCancellation) {
        let out = step.run(snapshot: report.snapshot, findings: report.findings, rejections: report.logs.groups,
                           stop: { cancellation.isCancelled })
        report.findings = out.findings
        report.dns = out.report
        if out.report.status != .consulted { report.notes.append(out.report.statusLine) }
    }
}
