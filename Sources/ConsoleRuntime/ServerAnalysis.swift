import Analysis
import Console
import Diagnosis
import Foundation
import MailServer

/// Runs the analysis pipeline for the console off the curses thread, so the first frame never
/// waits for it (reading 100,000 domains and a large log takes a moment): the first run reads the
/// server and every log (rotations too), then the main log is followed from where the scan stopped
/// and changed files are re-read. Results go to the inbox. All state lives on one serial queue.
final class ServerAnalysis: @unchecked Sendable {
    private var live: LiveAnalysis
    private let inbox: RuntimeInbox
    private let queue = DispatchQueue(label: "helofix.analysis")
    private let cancellation = AnalysisCancellation()
    private var watcher: ServerWatcher?
    private var tail: MailLogTail?

    init(pipeline: AnalysisPipeline, inbox: RuntimeInbox) {
        live = LiveAnalysis(pipeline: pipeline)
        self.inbox = inbox
    }

    /// Reads the server and its logs for the first time, then follows the main log and watches the
    /// files read; a server that cannot be read ends the console with the reader's message.
    func start() {
        queue.async { [self] in
            let inbox = self.inbox
            let files = live.pipeline.logFiles()
            if let why = Self.noLog(files, pipeline: live.pipeline) {
                inbox.post(.console(.log(.unavailable(why))))
            } else {
                inbox.post(.console(.log(.progress(done: 0, total: 0))))
            }
            do {
                let report = try live.start(events: { event in
                    switch event {
                    case .logProgress(let done, let total):
                        inbox.post(.console(.log(.progress(done: Int64(done), total: Int64(total)))))
                    case .findingsReady(let report), .enriched(_, let report):
                        inbox.post(.console(.serverRead(report.snapshot, findings: report.findings)))
                    case .enrichmentStarted:
                        break
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

    /// Re-reads the server's files and re-runs the rules with the log evidence so far.
    func reread() {
        queue.async { [self] in
            do {
                publish(try live.reread(cancellation: cancellation))
            } catch {
                inbox.post(.console(.readFailed("Cannot re-read the server: \(error). Showing the last good read.")))
            }
        }
    }

    /// Re-reads the server now and returns the result (after a fix, to show whether its finding is gone).
    func rereadNow() -> (ServerSnapshot, [Finding])? {
        queue.sync {
            guard let report = try? live.reread(cancellation: cancellation) else { return nil }
            return (report.snapshot, report.findings)
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
        inbox.post(.console(.serverRead(report.snapshot, findings: report.findings)))
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
            if case .rejections(let list, _) = event {
                queue.async { [self] in
                    if let report = live.add(list, cancellation: cancellation) { publish(report) }
                }
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
