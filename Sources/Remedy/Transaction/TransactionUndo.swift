import MailServer
#if canImport(Glibc)
import Glibc
#endif

/// Puts every file of a journal back to its "before" state from the backups: recreates removed
/// directories, restores or removes each file through ``FileRestoration`` (skipping those already
/// as before), restores what a started platform command rewrote, removes the directories the
/// transaction created, deletes leftover temp and lock files, and runs the undo commands of the
/// platform commands that had started. Idempotent, so a crash during recovery is recovered by the
/// next start.
struct TransactionUndo {
    let root: ServerRoot
    let store: StateStore
    let runner: (any CommandRunner)?
    /// How long to wait for a live lock holder (a stale lock of the crashed run is cleared at once).
    var lockWait: Double = 30
    var processes: any ProcessProbe = SystemProcessProbe()

    /// Undoes `journal`, holding the same locks as a transaction while files are restored;
    /// returns notes for the admin (files put back from the backup store, commands that failed to undo).
    func undo(_ journal: TransactionJournal) throws(RemedyError) -> [String] {
        let writer = SafeFileWriter(root: root, tag: journal.id)
        for dir in journal.removedDirectories { try writer.makeDirectory(dir) }
        var locks: [PanelLock] = []
        defer { locks.forEach { $0.release() } }
        for file in journal.files.sorted(by: { $0.path < $1.path })
        where (try? ConfinedDirectory.openIfPresent(root, TransactionPreflight.parent(file.path))) != nil {
            locks.append(try PanelLock.acquire(root: root, serverPath: file.path, program: "helofix",
                                               wait: lockWait, processes: processes))
        }
        for file in journal.files.reversed() {
            try FileRestoration(file, store: store).apply(root: root, writer: writer)
        }
        // Lock files must go before the directories this transaction created can be removed.
        locks.forEach { $0.release() }
        locks = []
        for dir in journal.createdDirectories.reversed() { try? writer.removeDirectory(dir.path) }
        removeLeftovers(journal)
        var notes = runUndoCommands(journal)
        // Last, so that what a failed command (or its failed undo) left half-written is put back too.
        notes += try restoreCommandTargets(journal, writer: writer)
        return notes
    }

    /// Indexes of the platform commands that had started.
    private func startedCommands(_ journal: TransactionJournal) -> Set<Int> {
        Set(store.steps(journal.id).compactMap { line -> Int? in
            line.hasPrefix("command-started ") ? Int(line.dropFirst("command-started ".count)) : nil
        })
    }

    /// A platform command that started may have rewritten its files (half-way, if it failed):
    /// they are put back from the copies taken before it ran, and named.
    private func restoreCommandTargets(_ journal: TransactionJournal, writer: SafeFileWriter) throws(RemedyError) -> [String] {
        let started = startedCommands(journal)
        let touched = Set(journal.commands.enumerated().filter { started.contains($0.offset) }.flatMap(\.element.touches))
        var notes: [String] = []
        for entry in journal.commandBackups where touched.contains(entry.path) {
            let restoration = try FileRestoration(entry, store: store)
            if restoration.isSatisfied(by: try? SafeFileWriter.read(root, entry.path)) { continue }
            try restoration.apply(root: root, writer: writer)
            notes.append("put \(entry.path) back from the backup store")
        }
        return notes
    }

    private func removeLeftovers(_ journal: TransactionJournal) {
        for file in journal.files {
            guard let (dirPath, base) = try? ConfinedDirectory.split(file.path),
                  let dir = try? ConfinedDirectory.openIfPresent(root, dirPath) else { continue }
            unlinkat(dir.fd, SafeFileWriter.tempName(base, tag: journal.id), 0)
            // A lock file left by the interrupted run names a dead PID: stale, so it is ours to clear.
            let f = dir.openFile(base + ".lock")
            guard f >= 0 else { continue }
            let content = ConfinedDirectory.readAll(f) ?? []
            close(f)
            if let pid = String(decoding: content, as: UTF8.self).split(separator: "\n").first.flatMap({ Int32($0) }),
               !processes.isAlive(pid) {
                unlinkat(dir.fd, base + ".lock", 0)
            }
        }
    }

    private func runUndoCommands(_ journal: TransactionJournal) -> [String] {
        let started = startedCommands(journal)
        var notes: [String] = []
        for (index, command) in journal.commands.enumerated().reversed() where started.contains(index) {
            for step in command.undo {
                do {
                    _ = try PlatformCommandRunner(runner: runner).run(step.command(why: "undo"))
                    notes.append("ran \(step.command(why: "").commandLine) to undo \(command.commandLine)")
                } catch {
                    notes.append("could not undo \(command.commandLine): \(error.message); run \(step.command(why: "").commandLine) by hand")
                }
            }
        }
        return notes
    }
}
