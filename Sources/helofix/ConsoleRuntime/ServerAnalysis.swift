import Console
import Diagnosis
import Foundation
import MailServer

/// Reads the server and evaluates the findings off the curses thread, so the first frame never
/// waits for them (reading 100,000 domains takes seconds); results go to the inbox. After the first
/// read it watches the files it read. All state lives on one serial queue.
final class ServerAnalysis: @unchecked Sendable {
    private let reader: SnapshotReader
    private let engine = FindingEngine()
    private let inbox: RuntimeInbox
    private let queue = DispatchQueue(label: "helofix.analysis")
    private var snapshot: ServerSnapshot?
    private var tally = RejectionTally()
    private var watcher: ServerWatcher?

    init(reader: SnapshotReader, inbox: RuntimeInbox) {
        self.reader = reader
        self.inbox = inbox
    }

    /// Reads the server for the first time; a failure ends the console with the reader's message.
    func start() {
        queue.async { [self] in
            do {
                let first = try reader.read()
                snapshot = first
                publish()
                watch(first)
            } catch {
                inbox.post(.fatal("\(error)"))
            }
        }
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
            return (fresh, engine.evaluate(fresh, rejections: tally.sortedGroups))
        }
    }

    /// Adds log evidence and re-runs the rules.
    func add(_ rejections: [Rejection]) {
        queue.async { [self] in
            for r in rejections { tally.add(r) }
            if snapshot != nil { publish() }
        }
    }

    /// Stops watching files.
    func stop() {
        queue.sync { watcher?.stop() }
    }

    private func publish() {
        guard let snapshot else { return }
        inbox.post(.console(.serverRead(snapshot, findings: engine.evaluate(snapshot, rejections: tally.sortedGroups))))
    }

    private func watch(_ snapshot: ServerSnapshot) {
        let inbox = self.inbox
        watcher = ServerWatcher(hostPaths: snapshot.files.map { reader.root.hostPath($0.path) })
        watcher?.start { inbox.post(.filesChanged) }
    }
}
