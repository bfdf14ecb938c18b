import Diagnosis
import DomainDNS

/// The DNS enrichment: where the findings' domains really get their mail (docs/findings.md, "DNS
/// evidence"). Adds `domain-moved-away` findings and DNS evidence, puts the ``DNSReport`` on the
/// report, and a note when DNS gave no answer. Its resolver pool (and so its cache and its bound on
/// questions in flight) lives as long as the enrichment: a re-evaluation asks only new questions,
/// and the servers of a fleet, analysed side by side, share one bound.
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
        // Said when the resolver never answered; --no-dns is the admin's own choice, not news.
        if out.report.status == .noAnswer { report.notes.append(out.report.statusLine) }
        if out.unasked > 0 {
            report.notes.append("DNS was asked about the first \(DNSEnrichment.findingDomainLimit) domains of findings (by name); \(CountText.grouped(out.unasked)) more have no DNS verdict.")
        }
    }
}
