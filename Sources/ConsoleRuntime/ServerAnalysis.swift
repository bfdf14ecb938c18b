import Analysis
import Console
import Diagnosis
import Foundation
import MailServer
import Synchronization

/// Runs the analysis pipeline for the console off the curses thread, so the first frame never
/// waits for it (reading 100,000 domains and a large log takes a moment): the first run reads the
/// server and every log (rotations too), then the main log is followed from where the scan stopped
/// and changed files are re-read. Results go to the inbox. All state lives on one serial queue.
final class ServerAnalysis: @unchecked Sendable {
    private var live: LiveAnalysis
    private let inbox: RuntimeInbox
    private let queue = DispatchQueue(label: "helofix.analysis")
    private let cancellation = AnalysisCancellation()
    private let waiting = Mutex(Waiting())
    /// Followed rejections not evaluated yet, in log order (`nil`: no evaluation is waiting).
    private let waitingLines = Mutex<[Rejection]?>(nil)
    /// Jobs queued or running (the first read, re-reads, new log lines evaluated).
    private let jobs = Mutex(0)
    private var watcher: ServerWatcher?
    private var tail: MailLogTail?

    init(pipeline: AnalysisPipeline, inbox: RuntimeInbox) {
        live = LiveAnalysis(pipeline: pipeline)
        self.inbox = inbox
    }

    /// Reads the server and its logs for the first time, then follows the main log and watches the
    /// files read; a server that cannot be read ends the console with the reader's message.
    func start() {
        onQueue { [self] in
            let inbox = self.inbox
            let files = live.pipeline.logFiles()
            if let why = Self.noLog(files, pipeline: live.pipeline) {
                inbox.post(.console(.log(.unavailable(why))))
            } else {
                inbox.post(.console(.log(.progress(done: 0, total: 0))))
            }
            do {
                let engine = live.pipeline.engine
                let report = try live.start(events: { event in
                    switch event {
                    case .snapshotRead(let snapshot):
                        // The panes fill as soon as the files are read ("checking findings…"), then
                        // the findings the files alone show; those that need the log follow when
                        // its scan is done (the status line says it is scanning).
                        inbox.post(.console(.serverFilesRead(snapshot)))
                        inbox.post(.console(.serverRead(snapshot, findings: engine.evaluate(snapshot, rejections: []))))
                    case .logProgress(let done, let total):
                        inbox.post(.console(.log(.progress(done: Int64(done), total: Int64(total)))))
                    case .findingsReady(let report):
                        inbox.post(.console(.serverRead(report.snapshot, findings: report.findings)))
                    case .enriched(_, let report):
                        Self.post(report, to: inbox)
                    case .enrichmentStarted(let name):
                        if name == DNSEvidence.name { inbox.post(.console(.dns(.asking))) }
                    }
                }, cancellation: cancellation)
                if !files.isEmpty {
                    let event: LogEvent = report.logs.files.isEmpty
                        ? .unavailable(report.logs.problems.first ?? "the mail log cannot be read")
                        : .caughtUp(total: report.logs.rejections)
                    inbox.post(.console(.log(event)))
                }
                follow()
                watch(report.snapshot)
            } catch {
                inbox.post(.fatal("\(error)"))
            }
        }
    }

    /// Re-reads the server's files and re-runs the rules with the log evidence so far. Requests
    /// that arrive while one is waiting join it (one read answers them all); one that arrives
    /// while a read runs gets a read of its own after it, since the files may have changed again.
    func reread() {
        request(nil)
    }

    /// Re-reads the server after the transaction for `target` committed, and says so with
    /// ``FixEvent/reread(after:)`` right after the read's findings.
    func reread(after target: FixTarget) {
        request(target)
    }

    private func request(_ fix: FixTarget?) {
        let queued = waiting.withLock { waiting in
            defer {
                waiting.requested = true
                if let fix { waiting.fixes.append(fix) }
            }
            return waiting.requested
        }
        if queued { return }
        onQueue { [self] in
            let fixes = waiting.withLock { waiting in
                defer { waiting = Waiting() }
                return waiting.fixes
            }
            do {
                publish(try live.reread(cancellation: cancellation))
                for fix in fixes { inbox.post(.console(.fix(.reread(after: fix)))) }
            } catch {
                inbox.post(.console(.readFailed("Cannot re-read the server: \(error). Showing the last good read.")))
            }
        }
    }

    /// The re-read asked for and not started yet.
    private struct Waiting {
        var requested = false
        /// Fixes whose result waits for this read.
        var fixes: [FixTarget] = []
    }

    /// Whether a read or an evaluation is queued or running.
    var isWorking: Bool { jobs.withLock { $0 > 0 } }

    /// Every rejection the newest evaluation counted (the scan's and the followed lines').
    var rejectionsCounted: Int {
        queue.sync { live.report?.logs.rejections ?? 0 }
    }

    /// Runs `body` on the analysis queue, counted in ``isWorking``.
    private func onQueue(_ body: @escaping @Sendable () -> Void) {
        jobs.withLock { $0 += 1 }
        queue.async { [self] in
            body()
            jobs.withLock { $0 -= 1 }
        }
    }

    /// Stops following the log and watching files, and any enrichment still running.
    func stop() {
        cancellation.cancel()
        tail?.stop()
        queue.sync { watcher?.stop() }
    }

    /// Why there is no log to read, or `nil` when there is one.
    private static func noLog(_ files: [LogFile], pipeline: AnalysisPipeline) -> String? {
        guard files.isEmpty else { return nil }
        guard let main = PlatformDetector.detect(pipeline.root)?.defaultMainLog else {
            return "no mail log known for this platform (pass --log FILE)"
        }
        return "no mail log at \(main) (pass --log FILE to watch another)"
    }

    private func publish(_ report: AnalysisReport) {
        Self.post(report, to: inbox)
    }

    /// The findings, then the DNS answers when the DNS enrichment ran.
    private static func post(_ report: AnalysisReport, to inbox: RuntimeInbox) {
        inbox.post(.console(.serverRead(report.snapshot, findings: report.findings)))
        if let dns = report.dns { inbox.post(.console(.dns(.answered(dns)))) }
    }

    /// Follows the main log from where the scan stopped; new rejections re-run the rules.
    private func follow() {
        guard let point = live.followPoint else { return }
        let tail = MailLogTail(hostPath: point.log.hostPath, serverPath: point.log.displayPath,
                               resumeAt: (offset: Int64(point.offset), line: point.lines))
        self.tail = tail
        let inbox = self.inbox
        tail.start { [self] event in
            inbox.post(.console(.log(event)))
            guard case .rejections(let list, _) = event else { return }
            // During a flood, batches arrive faster than the rules run at 100,000 domains: new
            // lines join the evaluation already waiting instead of queueing one each.
            let queued = waitingLines.withLock { waiting in
                defer { waiting = (waiting ?? []) + list }
                return waiting != nil
            }
            if queued { return }
            onQueue { [self] in
                let lines = waitingLines.withLock { waiting in
                    defer { waiting = nil }
                    return waiting ?? []
                }
                if let report = live.add(lines, cancellation: cancellation) { publish(report) }
            }
        }
    }

    private func watch(_ snapshot: ServerSnapshot) {
        let inbox = self.inbox
        let root = live.pipeline.root
        watcher = ServerWatcher(hostPaths: snapshot.files.map { root.hostPath($0.path) })
        watcher?.start { inbox.post(.filesChanged) }
    }
}
