import MailServer
#if canImport(Glibc)
import Glibc
#endif

/// Undoes a committed transaction as a NEW audited transaction (docs/changes.md, rule 10): the plan
/// puts back each file's "before" content from the backups and runs the undo commands. Refuses,
/// showing what changed, when a file was changed after the transaction, unless forced.
public struct Rollback: Sendable {
    /// The server root.
    public let root: ServerRoot

    /// Creates a rollback planner (read-only until the plan is applied).
    public init(root: ServerRoot) { self.root = root }

    /// The plan that undoes transaction `id`.
    public func plan(_ id: String, force: Bool = false) throws(RemedyError) -> Plan {
        let history = TransactionHistory(root: root)
        guard let record = history.find(id), let journal = history.journal(id) else {
            throw RemedyError(.invalidInput, "no transaction \(id) in \(StateStore.directory); list them with helofix history")
        }
        switch record.state {
        case .committed: break
        case .rolledBack: throw RemedyError(.notApplicable, "transaction \(id) was already rolled back by \(record.rolledBackBy ?? "?"); roll back that one to redo it")
        case .running: throw RemedyError(.conflict, "transaction \(id) is still being applied by another helofix; wait for it to finish")
        case .aborted, .interrupted: throw RemedyError(.notApplicable, "transaction \(id) never completed (\(record.state.rawValue)), so its files are as they were; nothing to roll back")
        }
        let store = StateStore(root: root)
        var files: [FileChange] = []
        var drift: [String] = []
        for entry in journal.files {
            let read = try SafeFileWriter.read(root, entry.path)
            let current = read?.bytes
            if read.map({ ContentHash.sha256($0.bytes) }) != entry.afterHash {
                let after = try entry.afterHash.map { (h: String) throws(RemedyError) in try store.object(h) } ?? []
                drift.append(UnifiedDiff.render(from: UnifiedDiff.lines(after), to: UnifiedDiff.lines(current ?? []),
                                                oldName: "after-\(id)\(entry.path)", newName: "now\(entry.path)")
                             .ifEmpty("\(entry.path) was \(current == nil ? "removed" : "changed (same lines, other bytes)")\n"))
            }
            // The same restoration recovery uses: bytes, owner, group, mode and xattrs as recorded.
            let restoration = try FileRestoration(entry, store: store)
            if restoration.isSatisfied(by: read) { continue }
            files.append(FileChange(path: entry.path, before: current, after: restoration.bytes, expected: read?.identity,
                                    newFileMode: restoration.metadata.mode, metadata: restoration.metadata))
        }
        if !drift.isEmpty && !force {
            throw RemedyError(.conflict, "files changed after transaction \(id), so rolling it back would lose those changes; nothing was written (use --force to roll back anyway):\n" + drift.joined())
        }
        let commands = journal.commands.flatMap { command in
            command.undo.map { PlatformCommand(program: $0.program, arguments: $0.arguments, why: "undo \(command.commandLine)",
                                             undo: [command.step], touches: command.touches) }
        }
        return Plan(request: nil, title: "Roll back \(id): \(journal.title)",
                    explanation: "Puts back every file transaction \(id) changed, from its backups, as a new transaction.",
                    createDirectories: journal.removedDirectories.filter { !root.exists($0.path) },
                    files: files.sorted { $0.path < $1.path },
                    removeDirectories: journal.createdDirectories.reversed().filter { root.exists($0.path) },
                    commands: commands.reversed())
    }

    /// Plans and applies the rollback of `id` through `executor`.
    public func apply(_ id: String, executor: TransactionExecutor, reason: String, force: Bool = false) throws(RemedyError) -> TransactionRecord {
        try executor.apply(plan(id, force: force), reason: reason, rollbackOf: id)
    }
}

extension String {
    func ifEmpty(_ other: String) -> String { isEmpty ? other : self }
}
