#if canImport(Glibc)
import Glibc
#endif
import MailServer

/// What one journaled file must be put back to: its bytes (or absence), owner, group, mode and
/// xattrs as recorded before the change. The one restore path: recovery after a crash, the undo of
/// a failed transaction and a rollback plan all restore through it and ``SafeFileWriter``, so a
/// deleted `/etc/valiases/D` comes back `user:mail 0640` whichever way it is undone.
struct FileRestoration {
    /// Server path.
    let path: String
    /// The content before the change, `nil` when the file did not exist.
    let bytes: [UInt8]?
    /// Owner, group, mode and xattrs before the change.
    let metadata: FileMetadata

    /// The restoration of a journal entry, with its content from the backup store (verified by hash).
    init(_ entry: JournalFile, store: StateStore) throws(RemedyError) {
        path = entry.path
        bytes = try entry.beforeHash.map { (hash: String) throws(RemedyError) in try store.object(hash) }
        metadata = entry.beforeMetadata ?? FileMetadata(uid: 0, gid: 0, mode: 0o644)
    }

    /// Whether the file as read now is already exactly as before (content, owner, group, mode, xattrs).
    func isSatisfied(by current: ConfinedDirectory.FileRead?) -> Bool {
        guard let current else { return bytes == nil }
        return current.bytes == bytes && current.metadata == metadata
    }

    /// Puts the file back (a no-op when it already is as before).
    func apply(root: ServerRoot, writer: SafeFileWriter) throws(RemedyError) {
        let current = try SafeFileWriter.read(root, path)
        if isSatisfied(by: current) { return }
        if let bytes {
            try writer.replace(path, bytes: bytes, metadata: metadata)
        } else {
            try writer.remove(path)
        }
    }
}
