import Foundation
import MailServer
#if canImport(Glibc)
import Glibc
#endif

/// Applies a ``Plan`` as one journaled transaction, the only code in helofix that writes a
/// server file (docs/changes.md, rules 1–10). Constructed only in edit mode: a read-only session
/// has a ``Planner`` and a ``TransactionHistory`` but no executor.
///
/// Order: preflight checks → state directory → cPanel-compatible locks in sorted path order →
/// re-check every file against the plan under the lock → backups by hash → journal (fsynced) →
/// signals blocked → directories, files (temp, owner, mode, xattrs, fsync, rename, fsync dir,
/// read back) → platform commands → commit marker → signals restored → audit → retention.
/// Any failure after the journal undoes the transaction from the journal.
public struct TransactionExecutor: Sendable {
    /// The server root every path is resolved under.
    public let root: ServerRoot
    /// Who is making the change (journal and audit).
    public let identity: Identity
    /// Transaction ids, journal times and retention ages come from it.
    public let clock: any TimeSource
    /// Runs the platform commands; `nil` leaves them to the admin (any root but `/`).
    public let runner: (any CommandRunner)?
    let processes: any ProcessProbe
    let lockWait: Double
    let retention: RetentionPolicy
    let hook: StepHook

    /// Creates an executor. `lockWait` bounds the wait for a live lock holder (cPanel itself waits minutes).
    public init(root: ServerRoot, identity: Identity, clock: any TimeSource, runner: (any CommandRunner)?,
                processes: any ProcessProbe = SystemProcessProbe(), lockWait: Double = 30,
                retention: RetentionPolicy = .standard, hook: StepHook = .none) {
        self.root = root
        self.identity = identity
        self.clock = clock
        self.runner = runner
        self.processes = processes
        self.lockWait = lockWait
        self.retention = retention
        self.hook = hook
    }

    var store: StateStore { StateStore(root: root) }

    /// Applies `plan`; returns the committed transaction. Throws with nothing changed (or
    /// everything undone) when any step fails.
    @discardableResult
    public func apply(_ plan: Plan, reason: String, rollbackOf: String? = nil) throws(RemedyError) -> TransactionRecord {
        guard !plan.isEmpty else { throw RemedyError(.notApplicable, "the plan changes nothing; nothing was written") }
        guard !reason.contains("\n") else { throw RemedyError(.invalidInput, "the reason must be one line") }
        if runner == nil && plan.files.isEmpty && plan.createDirectories.isEmpty && plan.removeDirectories.isEmpty {
            throw RemedyError(.notApplicable, "this plan only runs platform commands, and helofix runs them only on the live server (--root /); nothing was written: run on the server: " + plan.commands.map(\.commandLine).joined(separator: "; "))
        }
        try TransactionPreflight(root: root, store: store, runner: runner).check(plan)
        try store.prepare()
        // Held from before the first backup to the end: a clean-up of leftovers never takes this
        // run's backups (not yet in a journal) for a killed run's.
        let stateLock = try StateLock.shared(store)
        defer { stateLock.release() }
        let files = plan.files.sorted { $0.path < $1.path }
        // Named before they are taken, so a kill before the journal leaves lock files the next run
        // can prove are ours (and removed after they are released).
        try LockRecord.write(store, paths: files.map(\.path))
        defer { LockRecord.remove(store) }
        var locks: [PanelLock] = []
        defer { locks.forEach { $0.release() } }
        for change in files where !plan.createDirectories.map(\.path).contains(TransactionPreflight.parent(change.path)) {
            locks.append(try PanelLock.acquire(root: root, serverPath: change.path,
                                               program: "helofix", wait: lockWait, processes: processes))
        }
        hook.reached("locked")
        // From here on a hang-up (SSH drop), Ctrl-C or TERM waits (the lock wait above stays
        // interruptible): it is delivered when this function returns, after the commit marker, the
        // audit line and the unlock.
        let shield = SignalShield.raise()
        defer {
            locks.forEach { $0.release() }
            locks = []
            shield.lower()
        }
        let journal = try prepareJournal(plan, files: files, reason: reason, rollbackOf: rollbackOf)
        hook.reached("after-journal")
        do throws(RemedyError) {
            try commit(plan, journal: journal, files: files, locks: &locks)
        } catch {
            // Undo is idempotent and also runs lock-free at recovery; dropping the locks first lets
            // it remove the directories this transaction created (their lock files would be left).
            locks.forEach { $0.release() }
            locks = []
            let notes = (try? TransactionUndo(root: root, store: store, runner: runner).undo(journal)) ?? ["the undo failed too: run helofix recover"]
            try? store.mark(journal.id, .aborted, note: error.message)
            _ = AuditTrail(store: store).record(.failed, journal, time: clock.now(), note: error.message)
            let extra = notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
            throw RemedyError(error.kind, error.message + "; every file was put back as it was\(extra)")
        }
        let auditNote = AuditTrail(store: store).record(rollbackOf == nil ? .applied : .rolledBack, journal, time: clock.now())
        locks.forEach { $0.release() }
        locks = []
        // Unreferenced backups go only when no other run is between its backups and its journal.
        RetentionPruner(store: store, policy: retention, now: clock.now()).prune(collectBackups: stateLock.upgradeIfAlone())
        var record = TransactionHistory(root: root).record(for: journal)
        record.note = auditNote
        return record
    }

    /// Re-checks the files under the lock, stores the backups and writes the journal. The backup
    /// is the very read that was compared with the plan, so what is restored is what was checked.
    private func prepareJournal(_ plan: Plan, files: [FileChange], reason: String, rollbackOf: String?) throws(RemedyError) -> TransactionJournal {
        var entries: [JournalFile] = []
        for change in files {
            let current = try currentState(change)
            hook.reached("checked \(change.path)")
            var entry = JournalFile(path: change.path, realPath: change.path, beforeHash: nil, afterHash: nil)
            if let current {
                entry.beforeHash = try store.storeObject(current.bytes)
                entry.record(current)
            }
            if let after = change.after {
                entry.afterHash = try store.storeObject(after)
                entry.afterMetadata = change.metadata ?? entry.beforeMetadata
                    ?? FileMetadata.newFile(mode: change.newFileMode, group: change.newFileGroup)
            }
            entries.append(entry)
        }
        let commandBackups = try backUpCommandTargets(plan)
        try SafeFileWriter.syncDirectory(root, store.objects)
        let journal = TransactionJournal(id: newID(), time: clock.now(), identity: identity, pid: getpid(), reason: reason,
                                         remedy: plan.request?.summary ?? "rollback \(rollbackOf ?? "")", title: plan.title,
                                         rollbackOf: rollbackOf, files: entries, createdDirectories: plan.createDirectories,
                                         removedDirectories: plan.removeDirectories, commands: plan.commands,
                                         commandBackups: commandBackups)
        try AuditTrail(store: store).requireStart(journal, time: clock.now())
        try store.writeJournal(journal)
        return journal
    }

    /// Copies the files the platform commands rewrite into the backup store (regular files only).
    private func backUpCommandTargets(_ plan: Plan) throws(RemedyError) -> [JournalFile] {
        var entries: [JournalFile] = []
        for path in Set(plan.commands.flatMap(\.touches)).sorted() {
            guard let current = try? SafeFileWriter.read(root, path) else { continue }
            var entry = JournalFile(path: path, realPath: path, beforeHash: try store.storeObject(current.bytes), afterHash: nil)
            entry.record(current)
            entries.append(entry)
        }
        return entries
    }

    /// The file's content, status and metadata under the lock (one read), refusing when it is not
    /// what the plan saw: another writer got in between, and its edit must not be lost.
    private func currentState(_ change: FileChange) throws(RemedyError) -> ConfinedDirectory.FileRead? {
        try TargetCheck.checkFile(root, change.path)
        guard let current = try SafeFileWriter.read(root, change.path) else {
            if change.expected != nil {
                throw RemedyError(.conflict, "\(change.path) was removed since the plan was made; nothing was written: plan again")
            }
            return nil
        }
        guard let expected = change.expected else {
            throw RemedyError(.conflict, "\(change.path) was created since the plan was made; nothing was written: plan again")
        }
        let changed = current.identity.differences(from: expected)
        if !changed.isEmpty {
            let diff = UnifiedDiff.render(from: UnifiedDiff.lines(change.before ?? []), to: UnifiedDiff.lines(current.bytes),
                                          oldName: "planned\(change.path)", newName: "now\(change.path)")
            throw RemedyError(.conflict, "\(change.path) changed since the plan was made (\(changed.joined(separator: ", "))); nothing was written: plan again" + (diff.isEmpty ? "" : "\n" + diff))
        }
        return current
    }

    /// The commit step: directories, files, commands, then the commit marker.
    private func commit(_ plan: Plan, journal: TransactionJournal, files: [FileChange], locks: inout [PanelLock]) throws(RemedyError) {
        let writer = SafeFileWriter(root: root, tag: journal.id)
        for dir in plan.createDirectories { try writer.makeDirectory(dir) }
        for (index, (change, entry)) in zip(files, journal.files).enumerated() {
            if plan.createDirectories.map(\.path).contains(TransactionPreflight.parent(change.path)) {
                locks.append(try PanelLock.acquire(root: root, serverPath: change.path, program: "helofix",
                                                   wait: lockWait, processes: processes))
            }
            if let after = change.after, let meta = entry.afterMetadata {
                try writer.replace(change.path, bytes: after, metadata: meta)
            } else {
                try writer.remove(change.path)
            }
            hook.reached("after-file-\(index + 1)")
        }
        // The files are gone; their lock files must go too, or the directories are not empty.
        let removedDirs = plan.removeDirectories.map(\.path)
        for lock in locks where removedDirs.contains(where: { lock.serverPath.hasPrefix($0 + "/") }) { lock.release() }
        for dir in plan.removeDirectories { try writer.removeDirectory(dir.path) }
        let commands = PlatformCommandRunner(runner: runner)
        for (index, command) in plan.commands.enumerated() {
            guard runner != nil else {
                // Not the live server: the admin runs it there (the plan shows it as a step).
                try store.append(store.stepsPath(journal.id), "command-left-to-admin \(index)")
                continue
            }
            try store.append(store.stepsPath(journal.id), "command-started \(index)")
            try commands.run(command)
            try store.append(store.stepsPath(journal.id), "command-done \(index)")
        }
        hook.reached("before-marker")
        try store.mark(journal.id, .commit)
    }

    /// `YYYYMMDD-HHMMSS-xxxx` from the injected clock, unique in the state directory.
    private func newID() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: clock.now())
        while true {
            let id = "\(stamp)-\(String(UInt16.random(in: 0...UInt16.max), radix: 16).leftPadded(4))"
            if (try? TargetCheck.lstatus(root, store.journalPath(id))) == nil { return id }
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

extension FileIdentity {
    init(bytes: [UInt8], stat st: stat) {
        self.init(bytes: bytes, size: Int64(st.st_size), mtime: Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9,
                  inode: UInt64(st.st_ino), device: UInt64(st.st_dev))
    }
}

extension JournalFile {
    /// Records what one read of the file saw before the change: size, mtime, inode, owner, mode, xattrs.
    mutating func record(_ read: ConfinedDirectory.FileRead) {
        beforeSize = Int64(read.status.st_size)
        beforeMtime = Double(read.status.st_mtim.tv_sec) + Double(read.status.st_mtim.tv_nsec) / 1e9
        beforeInode = UInt64(read.status.st_ino)
        beforeMetadata = read.metadata
    }
}
