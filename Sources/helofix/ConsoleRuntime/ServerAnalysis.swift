import Console
import Diagnosis
import Foundation
import MailServer

/// Reads the server and evaluates the findings off the curses thread; results go to the inbox.
/// All state lives on one serial queue.
final class ServerAnalysis: @unchecked Sendable {
    private let reader: SnapshotReader
    private let engine = FindingEngine()
    private let inbox: RuntimeInbox
    private let queue = DispatchQueue(label: "helofix.analysis")
    private var snapshot: ServerSnapshot
    private var tally = LiveRejectionTally()

    init(reader: SnapshotReader, first: ServerSnapshot, inbox: RuntimeInbox) {
        self.reader = reader
        snapshot = first
        self.inbox = inbox
    }

    /// Findings for the snapshot read at start (before any log evidence).
    func initialFindings() -> [Finding] {
        queue.sync { engine.evaluate(snapshot, rejections: tally.all) }
    }

    /// Re-reads the server and re-runs the rules.
    func reread() {
        queue.async { [self] in
            do {
                snapshot = try reader.read()
                publish()
            } catch {
                inbox.post(.console(.readFailed("Cannot re-read the server: \(error). Showing the last good read.")))
            }
        }
    }

    /// Re-reads the server now and returns the result (after a fix, to show whether its finding is gone).
    func rereadNow() -> (ServerSnapshot, [Finding])? {
        queue.sync {
            guard let fresh = try? reader.read() else { return nil }
            snapshot = fresh
            return (fresh, engine.evaluate(fresh, rejections: tally.all))
        }
    }

    /// Adds log evidence and re-runs the rules.
    func add(_ rejections: [Rejection]) {
        queue.async { [self] in
            tally.add(rejections)
            publish()
        }
    }

    private func publish() {
        inbox.post(.console(.serverRead(snapshot, findings: engine.evaluate(snapshot, rejections: tally.all))))
    }
}
