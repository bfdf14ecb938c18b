import MailServer

extension TransactionHistory {
    /// What transaction `id` changed, as unified diffs from its backups (before → after), then
    /// its directories and commands; read-only. A missing backup is named instead of its diff.
    public func diff(_ id: String) -> String? {
        guard let journal = journal(id) else { return nil }
        let store = StateStore(root: root)
        var out = ""
        for d in journal.createdDirectories { out += "mkdir \(d.path)\n" }
        for entry in journal.files {
            do throws(RemedyError) {
                let before = try entry.beforeHash.map { (h: String) throws(RemedyError) in try store.object(h) }
                let after = try entry.afterHash.map { (h: String) throws(RemedyError) in try store.object(h) }
                out += UnifiedDiff.render(FileChange(path: entry.path, before: before, after: after, expected: nil))
            } catch {
                out += "\(entry.path): \(error.message)\n"
            }
        }
        for d in journal.removedDirectories { out += "rmdir \(d.path)\n" }
        for c in journal.commands { out += "run \(c.commandLine)\n" }
        return out
    }
}
