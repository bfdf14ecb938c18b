import Diagnosis
import MailServer

/// A server analysed once by the pipeline and then kept up to date, as the console needs it: lines
/// appended to the mail log and re-reads of changed files re-run the rules and the enrichments on
/// all the evidence so far. Not thread-safe: keep it on one queue.
public struct LiveAnalysis: Sendable {
    /// The pipeline every evaluation goes through.
    public let pipeline: AnalysisPipeline
    /// The newest report; `nil` until ``start(events:cancellation:)`` has read the server.
    public private(set) var report: AnalysisReport?
    /// Every rejection so far: the scan's, then the followed lines'.
    private var tally = RejectionTally()

    /// Creates the analysis; nothing is read yet.
    public init(pipeline: AnalysisPipeline) {
        self.pipeline = pipeline
    }

    /// Where to follow the main log from once the scan is done: the log, and the byte offset and
    /// line count the scan stopped at (`nil` when no plain log was read).
    public struct FollowPoint: Sendable, Hashable {
        /// The log (the newest plain file the scan read).
        public var log: LogFile
        /// Bytes already read.
        public var offset: Int
        /// Lines already read.
        public var lines: Int
    }

    /// Reads the server and all its logs (rotations too), then runs the rules and enrichments.
    @discardableResult
    public mutating func start(events: (@Sendable (AnalysisEvent) -> Void)? = nil,
                               cancellation: AnalysisCancellation = AnalysisCancellation()) throws(SnapshotError) -> AnalysisReport {
        let first = try pipeline.run(events: events, cancellation: cancellation)
        tally = RejectionTally(continuing: first.logs.groups, total: first.logs.rejections)
        report = first
        return first
    }

    /// The point to follow the main log from, after ``start(events:cancellation:)``.
    public var followPoint: FollowPoint? {
        guard let report, let log = pipeline.logFiles().last(where: { !$0.compressed }),
              let scanned = report.logs.files.last(where: { $0.path == log.displayPath }) else { return nil }
        return FollowPoint(log: log, offset: scanned.bytes, lines: scanned.lines)
    }

    /// Adds rejections from lines written since (in log order) and evaluates again.
    public mutating func add(_ rejections: [Rejection], cancellation: AnalysisCancellation = AnalysisCancellation()) -> AnalysisReport? {
        for r in rejections { tally.add(r) }
        guard let snapshot = report?.snapshot else { return nil }
        return reevaluate(snapshot, cancellation: cancellation)
    }

    /// Reads the server's files again (after a change) and evaluates with the log evidence so far.
    public mutating func reread(cancellation: AnalysisCancellation = AnalysisCancellation()) throws(SnapshotError) -> AnalysisReport {
        reevaluate(try pipeline.readSnapshot(), cancellation: cancellation)
    }

    private mutating func reevaluate(_ snapshot: ServerSnapshot, cancellation: AnalysisCancellation) -> AnalysisReport {
        var logs = report?.logs ?? .empty
        logs.groups = tally.sortedGroups
        logs.rejections = tally.total
        let fresh = pipeline.evaluate(snapshot, logs: logs, cancellation: cancellation)
        report = fresh
        return fresh
    }
}
