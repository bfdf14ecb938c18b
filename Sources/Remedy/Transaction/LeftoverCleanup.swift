#if canImport(Glibc)
import Glibc
#endif
import MailServer

/// Removes what a helofix run that was killed (or failed) before its journal existed left behind,
/// run by every edit command right after recovery (docs/changes.md, "Leftovers of a killed run"):
///
/// - lock files (`/etc/localdomains.lock`) listed in the dead process's ``LockRecord`` that still
///   hold exactly `PID\nhelofix\n` with that dead PID, and the temp files it links them from;
/// - backups in `backups/objects` that no journal names (a disk that filled between two backups),
///   and unfinished temp files of dead processes in the state directory.
///
/// Only what is provably helofix's and provably stale is touched: nothing runs while another
/// helofix holds the ``StateLock``, a lock file is removed only with helofix's own content and a
/// dead PID, and when any journal cannot be read no backup is removed.
public struct LeftoverCleanup: Sendable {
    /// The server root.
    public let root: ServerRoot
    let processes: any ProcessProbe

    /// Creates the clean-up for a root.
    public init(root: ServerRoot, processes: any ProcessProbe = SystemProcessProbe()) {
        self.root = root
        self.processes = processes
    }

    /// Cleans up; one sentence per kind of thing removed (empty when nothing was left over).
    public func run() -> [String] {
        let store = StateStore(root: root)
        guard (try? ConfinedDirectory.openIfPresent(root, store.transactions)) != nil,
              let lock = StateLock.exclusiveIfFree(store) else { return [] }
        defer { lock.release() }
        var said = staleLocks(store)
        said += orphanBackups(store)
        said += deadTempFiles(store)
        return said
    }

    /// The lock files of dead helofix processes, from their lock records.
    private func staleLocks(_ store: StateStore) -> [String] {
        var said: [String] = []
        for name in (root.list(store.transactions) ?? []).sorted() where name.hasSuffix(LockRecord.suffix) {
            guard let pid = Int32(name.dropLast(LockRecord.suffix.count)), pid > 0, !processes.isAlive(pid) else { continue }
            let recordPath = "\(store.transactions)/\(name)"
            var removed: [String] = []
            for lockPath in LockRecord.paths(in: SafeFileWriter.contents(root, recordPath) ?? []) {
                if removeStaleLock(lockPath, pid: pid) { removed.append(lockPath) }
            }
            store.removeFile(recordPath)
            if !removed.isEmpty {
                said.append("removed the stale lock\(removed.count == 1 ? "" : "s") \(removed.map(\.terminalSafe).joined(separator: ", ")) of helofix process \(pid), which stopped before it finished")
            }
        }
        return said
    }

    /// Removes `lockPath` when it holds exactly what helofix process `pid` wrote, and that
    /// process's temp link sources next to it; reached without following links.
    private func removeStaleLock(_ lockPath: String, pid: Int32) -> Bool {
        guard let (dirPath, name) = try? ConfinedDirectory.split(lockPath),
              let dir = try? ConfinedDirectory.openIfPresent(root, dirPath) else { return false }
        // PanelLock's temp files: `NAME.lock.PID.RANDOM`.
        for entry in root.list(dirPath) ?? [] where entry.hasPrefix("\(name).\(pid).") {
            unlinkat(dir.fd, entry, 0)
        }
        let f = dir.openFile(name)
        guard f >= 0 else { return false }
        var st = stat()
        let bytes = fstat(f, &st) == 0 && st.st_mode & S_IFMT == S_IFREG && st.st_size < 4096 ? ConfinedDirectory.readAll(f) : nil
        close(f)
        guard bytes == Array("\(pid)\nhelofix\n".utf8) else { return false }
        return unlinkat(dir.fd, name, 0) == 0
    }

    /// Backups no journal names: stored by a run that never wrote its journal.
    private func orphanBackups(_ store: StateStore) -> [String] {
        let (journals, problems) = store.journalsAndProblems()
        // A journal that cannot be read might name any backup: keep them all.
        guard problems.isEmpty else { return [] }
        var named = Set<String>()
        for j in journals {
            for f in j.files + j.commandBackups { named.formUnion([f.beforeHash, f.afterHash].compactMap { $0 }) }
        }
        var removed = 0
        for name in root.list(store.objects) ?? [] where !name.hasPrefix(".") && !named.contains(name) {
            store.removeFile(store.objectPath(name))
            removed += 1
        }
        guard removed > 0 else { return [] }
        return ["removed \(removed) backup\(removed == 1 ? "" : "s") in \(store.objects) that no transaction names (left by a run that stopped before writing its journal, such as on a full disk)"]
    }

    /// Unfinished temp files (`.NAME.helofix-PID`) of dead processes in the state directory.
    private func deadTempFiles(_ store: StateStore) -> [String] {
        var removed = 0
        for dir in [store.base, store.transactions, store.base + "/backups", store.objects] {
            for name in root.list(dir) ?? [] where name.hasPrefix(".") {
                guard let tag = name.split(separator: "-").last, let pid = Int32(tag), pid > 0,
                      name.hasSuffix(".helofix-\(pid)"), !processes.isAlive(pid) else { continue }
                store.removeFile("\(dir)/\(name)")
                removed += 1
            }
        }
        guard removed > 0 else { return [] }
        return ["removed \(removed) unfinished temporary file\(removed == 1 ? "" : "s") of stopped helofix runs in \(store.base)"]
    }
}
