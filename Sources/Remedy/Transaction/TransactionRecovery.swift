import Foundation
import MailServer

/// Run first at every start in edit mode (CLI edit commands, the console's edit mode): every
/// journal without a commit marker is an interrupted transaction (crash, SIGKILL, power cut), and
/// is rolled back from its backups, then marked aborted and audited (docs/changes.md, rule 1).
public struct TransactionRecovery: Sendable {
    /// The server root.
    public let root: ServerRoot
    /// The time recorded in the audit line.
    public let clock: any TimeSource
    /// Runs the undo of platform commands that had started.
    public let runner: (any CommandRunner)?
    let processes: any ProcessProbe

    /// Creates recovery for a root.
    public init(root: ServerRoot, clock: any TimeSource, runner: (any CommandRunner)?, processes: any ProcessProbe = SystemProcessProbe()) {
        self.root = root
        self.clock = clock
        self.runner = runner
        self.processes = processes
    }

    /// Rolls back every interrupted transaction; returns what it did (empty when nothing was pending).
    public func run() throws(RemedyError) -> [RecoveryReport] {
        let store = StateStore(root: root)
        var reports: [RecoveryReport] = []
        let (journals, problems) = store.journalsAndProblems()
        // A journal naming paths outside the root (or foreign programs) is refused, not replayed.
        if let problem = problems.first { throw RemedyError(.unsafeTarget, problem) }
        for journal in journals where !store.hasMarker(journal.id, .commit) && !store.hasMarker(journal.id, .aborted) {
            // Another helofix still working on it (a second admin session): not interrupted, leave it.
            if journal.pid != getpid() && processes.isAlive(journal.pid) { continue }
            var undo = TransactionUndo(root: root, store: store, runner: runner)
            undo.processes = processes
            let notes = try undo.undo(journal)
            try store.mark(journal.id, .aborted, note: "interrupted; rolled back at the next start")
            _ = AuditTrail(store: store).record(.recovered, journal, time: clock.now(), note: "interrupted transaction rolled back")
            reports.append(RecoveryReport(id: journal.id, remedy: journal.remedy, files: journal.files.map(\.path), notes: notes))
        }
        return reports
    }
}
