/// Evidence gathered after the rules have run, from outside the server's files: what the server's
/// own Exim answers for a refused sender, where DNS says a domain's mail goes, what other servers
/// of a fleet hold. Each kind of evidence is one enrichment, registered once in the pipeline, so
/// every front end (inspect, the console, the wizard, fleet) gets it.
///
/// An enrichment may add findings, add evidence to findings, change a finding's severity (a sender
/// refused last week but accepted now is no longer critical) and add notes. It is called again on
/// every re-evaluation (new log lines, a re-read after a change), so look-ups should be cached
/// inside it. It must poll `cancellation` between look-ups and bound its own time.
public protocol AnalysisEnrichment: Sendable {
    /// A short name for progress and notes ("Exim", "DNS").
    var name: String { get }
    /// Adds this enrichment's evidence to `report`.
    func enrich(_ report: inout AnalysisReport, cancellation: AnalysisCancellation)
}
