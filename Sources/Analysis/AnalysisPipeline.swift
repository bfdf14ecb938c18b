import Diagnosis
import MailServer

/// The one way helofix analyses a server, for every front end (`inspect`, `--check`, the console,
/// the wizard, `fleet`): the server's files and its logs are read side by side, the rules turn them
/// into findings, then each enrichment adds its evidence.
///
/// ```
/// snapshot read ─┐
///                ├─▶ rules ─▶ findings ─▶ enrichments (Exim, DNS, …) ─▶ report
/// log scan ──────┘
/// ```
public struct AnalysisPipeline: Sendable {
    /// The directory read as `/`.
    public var root: ServerRoot
    /// Which logs to read.
    public var logs: LogSelection
    /// Evidence gathered after the rules, in this order.
    public var enrichments: [any AnalysisEnrichment]
    /// Reads the logs.
    public var scanner: LogScanner
    /// Turns a snapshot and rejections into findings.
    public var engine: FindingEngine
    /// Reads the server's files.
    public var reader: SnapshotReader

    /// Creates a pipeline for the server under `root`.
    public init(root: ServerRoot, logs: LogSelection = .platformDefaults, enrichments: [any AnalysisEnrichment] = [],
                scanner: LogScanner = LogScanner(), engine: FindingEngine = FindingEngine(), reader: SnapshotReader? = nil) {
        self.root = root
        self.logs = logs
        self.enrichments = enrichments
        self.scanner = scanner
        self.engine = engine
        self.reader = reader ?? SnapshotReader(root: root)
    }

    /// The log files this pipeline reads (the platform is detected from a few marker files).
    public func logFiles() -> [LogFile] {
        logs.files(root: root, platform: PlatformDetector.detect(root))
    }

    /// Reads the server and its logs, runs the rules and every enrichment.
    ///
    /// `events` is called from worker threads, in order. Cancelling skips the enrichments not yet
    /// run; the report is still complete for what was read. A root that cannot be read at all is
    /// the only error (the log scan is waited for before it is thrown).
    public func run(events: (@Sendable (AnalysisEvent) -> Void)? = nil,
                    cancellation: AnalysisCancellation = AnalysisCancellation()) throws(SnapshotError) -> AnalysisReport {
        let files = logFiles()
        // The log scan on a thread of its own, beside the snapshot read (they use different cores).
        let scan = files.isEmpty ? nil : SideTask { [scanner] in scanner.scan(files, progress: events.map(ProgressRelay.init)) }
        let snapshot: ServerSnapshot
        do {
            snapshot = try reader.read()
        } catch {
            _ = scan?.value()
            throw error
        }
        events?(.snapshotRead(snapshot))
        // The rules that need only the snapshot run while the log is still being scanned.
        let prepared = engine.prepare(snapshot)
        let logs = scan?.value() ?? .empty
        return evaluate(snapshot, prepared: prepared, logs: logs, events: events, cancellation: cancellation)
    }

    /// Reads the server's files again (after a change), without the logs.
    public func readSnapshot() throws(SnapshotError) -> ServerSnapshot {
        try reader.read()
    }

    /// Runs the rules on a snapshot and log evidence already read, then every enrichment.
    public func evaluate(_ snapshot: ServerSnapshot, logs: LogScanReport, events: (@Sendable (AnalysisEvent) -> Void)? = nil,
                         cancellation: AnalysisCancellation = AnalysisCancellation()) -> AnalysisReport {
        evaluate(snapshot, prepared: engine.prepare(snapshot), logs: logs, events: events, cancellation: cancellation)
    }

    /// ``evaluate(_:logs:events:cancellation:)`` with the snapshot's part of the rules done already.
    private func evaluate(_ snapshot: ServerSnapshot, prepared: PreparedRules, logs: LogScanReport,
                          events: (@Sendable (AnalysisEvent) -> Void)?, cancellation: AnalysisCancellation) -> AnalysisReport {
        var report = AnalysisReport(snapshot: snapshot, logs: logs, findings: engine.evaluate(prepared, rejections: logs.groups))
        events?(.findingsReady(report))
        for enrichment in enrichments {
            if cancellation.isCancelled { break }
            events?(.enrichmentStarted(enrichment.name))
            enrichment.enrich(&report, cancellation: cancellation)
            report.sortFindings()
            if cancellation.isCancelled { break }
            report.enrichedBy.append(enrichment.name)
            events?(.enriched(enrichment.name, report))
        }
        return report
    }
}
