import MailServer
#if canImport(Glibc)
import Glibc
#endif

/// Puts every file of a journal back to its "before" state from the backups: recreates removed
/// directories, restores or removes each file (skipping those already as before), removes the
/// directories the transaction created, deletes leftover temp files, and runs the undo commands
/// of the platform commands that had started. Idempotent, so a crash during recovery is recovered
/// by the next start.
struct TransactionUndo {
    let root: ServerRoot
    let store: StateStore
    let runner: any CommandRunner
    /// How long to wait for a live lock holder (a stale lock of the crashed run is cleared at once).
    var lockWait: Double = 30
    var processes: any ProcessProbe = SystemProcessProbe()

    /// Undoes `journal`, holding the same locks as a transaction while files are restored;
    /// returns notes for the admin (commands that failed to undo).
    func undo(_ journal: TransactionJournal) throws(RemedyError) -> [String] {
        let writer = SafeFileWriter(tag: journal.id)
        for dir in journal.removedDirectories {
            let host = root.hostPath(dir.path)
            if mkdir(host, mode_t(dir.mode)) == 0 {
                chown(host, dir.uid, dir.gid)
                chmod(host, mode_t(dir.mode))
            }
        }
        var locks: [PanelLock] = []
        defer { locks.forEach { $0.release() } }
        for file in journal.files.sorted(by: { $0.path < $1.path }) where root.isDirectory(TransactionPreflight.parent(file.path)) {
            locks.append(try PanelLock.acquire(hostPath: root.hostPath(file.path), serverPath: file.path, program: "helofix",
                                               wait: lockWait, processes: processes))
        }
        for file in journal.files.reversed() {
            try restore(file, writer: writer)
        }
        // Lock files must go before the directories this transaction created can be removed.
        locks.forEach { $0.release() }
        locks = []
        for dir in journal.createdDirectories.reversed() {
            rmdir(root.hostPath(dir.path))
        }
        removeTemps(journal)
        return runUndoCommands(journal)
    }

    private func restore(_ file: JournalFile, writer: SafeFileWriter) throws(RemedyError) {
        let host = root.hostPath(file.path)
        let current = SafeFileWriter.readFile(host)
        guard let beforeHash = file.beforeHash else {
            if current != nil { try writer.remove(hostPath: host, serverPath: file.path) }
            return
        }
        if let current, ContentHash.sha256(current) == beforeHash, let meta = file.beforeMetadata {
            // Content already as before (the crash came before this file): put back owner and mode only.
            chown(host, meta.uid, meta.gid)
            chmod(host, mode_t(meta.mode))
            return
        }
        let bytes = try store.object(beforeHash)
        try writer.replace(hostPath: host, serverPath: file.path, bytes: bytes,
                           metadata: file.beforeMetadata ?? FileMetadata(uid: 0, gid: 0, mode: 0o644))
    }

    private func removeTemps(_ journal: TransactionJournal) {
        for file in journal.files {
            let host = root.hostPath(file.path)
            guard let slash = host.lastIndex(of: "/") else { continue }
            let dir = String(host[..<slash]), base = String(host[host.index(after: slash)...])
            unlink(dir + "/" + SafeFileWriter.tempName(base, tag: journal.id))
            // A lock file left by the interrupted run names a dead PID: stale, so it is ours to clear.
            if let lock = SafeFileWriter.readFile(host + ".lock"),
               let pid = String(decoding: lock, as: UTF8.self).split(separator: "\n").first.flatMap({ Int32($0) }),
               !processes.isAlive(pid) {
                unlink(host + ".lock")
            }
        }
    }

    private func runUndoCommands(_ journal: TransactionJournal) -> [String] {
        let started = Set(store.steps(journal.id).compactMap { line -> Int? in
            line.hasPrefix("command-started ") ? Int(line.dropFirst("command-started ".count)) : nil
        })
        var notes: [String] = []
        for (index, command) in journal.commands.enumerated().reversed() where started.contains(index) {
            for step in command.undo {
                do {
                    _ = try PlatformCommandRunner(root: root, runner: runner).run(step.command(why: "undo"))
                    notes.append("ran \(step.command(why: "").commandLine) to undo \(command.commandLine)")
                } catch {
                    notes.append("could not undo \(command.commandLine): \(error.message); run \(step.command(why: "").commandLine) by hand")
                }
            }
        }
        return notes
    }
}
