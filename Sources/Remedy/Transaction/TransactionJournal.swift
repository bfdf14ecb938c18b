import Foundation

/// The intent record of one transaction, written and fsynced before any target is touched
/// (docs/changes.md, rule 1). With the backups it names, it is enough to undo the transaction after
/// a crash, and it doubles as the backup manifest for its files.
public struct TransactionJournal: Sendable, Codable {
    /// Sortable id: `20261129-145100-1a2b`.
    public var id: String
    /// When it started.
    public var time: Date
    /// Who made it.
    public var identity: Identity
    /// The process that runs it: recovery leaves a transaction alone while that process lives.
    public var pid: Int32
    /// The admin's reason (`--reason`).
    public var reason: String
    /// `remedy args…`, or `rollback ID`.
    public var remedy: String
    /// The plan's one-line title.
    public var title: String
    /// The transaction this one undoes, for rollbacks.
    public var rollbackOf: String?
    /// Every file changed, created or removed, in path order.
    public var files: [JournalFile]
    /// Directories it created (removed again on undo).
    public var createdDirectories: [DirectoryChange]
    /// Directories it removed (recreated on undo).
    public var removedDirectories: [DirectoryChange]
    /// Platform commands it ran, with their undo steps.
    public var commands: [PlatformCommand]
    /// Backups of the files the platform commands rewrite (content before the commands ran).
    public var commandBackups: [JournalFile]
}

extension TransactionJournal {
    /// Refuses a journal that could lead recovery or rollback astray: an id that is not its file
    /// name, a path that is not a plain absolute path inside the root (`/../x`), a backup name that
    /// is not a hash, a program that is not one of the platform's own. Such a journal is corrupt or
    /// was planted in a copied tree; nothing it names is touched.
    func validate(fileName: String) throws(RemedyError) {
        func corrupt(_ why: String) -> RemedyError {
            RemedyError(.unsafeTarget, "\(StateStore.directory)/transactions/\(fileName.terminalSafe) is corrupt (\(why)); nothing it names was touched: move it out of \(StateStore.directory)/transactions and try again")
        }
        let idOK = !id.isEmpty && id.utf8.allSatisfy { (48...57).contains($0) || (97...122).contains($0) || (65...90).contains($0) || $0 == 45 }
        guard idOK, fileName == id + ".journal" else { throw corrupt("its id does not match its file name") }
        let paths = files.map(\.path) + commandBackups.map(\.path) + createdDirectories.map(\.path) + removedDirectories.map(\.path)
        for path in paths {
            do throws(RemedyError) { _ = try ConfinedDirectory.split(path) } catch { throw corrupt(error.message) }
        }
        for hash in (files + commandBackups).flatMap({ [$0.beforeHash, $0.afterHash] }).compactMap({ $0 })
        where hash.utf8.count != 64 || !hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) {
            throw corrupt("a backup name that is not a SHA-256 hash")
        }
        for program in commands.flatMap({ [$0.program] + $0.undo.map(\.program) }) where !PlatformProgram.known.contains(program) {
            throw corrupt("it names the program \(program.terminalSafe), which is not a platform command helofix runs")
        }
    }
}
