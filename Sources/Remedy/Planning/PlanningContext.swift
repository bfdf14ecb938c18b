import MailServer
#if canImport(Glibc)
import Glibc
#endif

/// What a remedy needs to make its plan: the snapshot, the root to read current file contents
/// from, and whether the admin forced past a soft refusal. Reads only; never writes.
public struct PlanningContext: Sendable {
    /// The server as read, and the root to read current file contents from.
    public let snapshot: ServerSnapshot
    public let root: ServerRoot
    /// `--force`: accept what is refused by default (an over-broad range, a bare hosted domain).
    public let force: Bool

    /// Creates a context.
    public init(snapshot: ServerSnapshot, root: ServerRoot, force: Bool) {
        self.snapshot = snapshot
        self.root = root
        self.force = force
    }

    /// The current content and identity of a file (`nil`, `nil` when absent); refuses unsafe targets.
    public func current(_ path: String) throws(RemedyError) -> ([UInt8]?, FileIdentity?) {
        let host = root.hostPath(path)
        try TargetCheck.checkFile(host, serverPath: path)
        guard let st = try TargetCheck.lstatus(host, serverPath: path) else { return (nil, nil) }
        guard let bytes = SafeFileWriter.readFile(host) else { throw SystemCall.error("read", path, errno) }
        return (bytes, FileIdentity(bytes: bytes, stat: st))
    }

    /// A change of `path` to `after` (`nil` = remove), or `nil` when nothing would change.
    public func change(_ path: String, to after: [UInt8]?, newFileMode: UInt32 = 0o644, group: String? = nil) throws(RemedyError) -> FileChange? {
        let (before, identity) = try current(path)
        if before == after { return nil }
        return FileChange(path: path, before: before, after: after, expected: identity, newFileMode: newFileMode, newFileGroup: group)
    }

    /// The directories (outermost first) that must be created so `path` can exist.
    public func missingDirectories(for path: String, mode: UInt32 = 0o755) -> [DirectoryChange] {
        var missing: [DirectoryChange] = []
        var dir = TransactionPreflight.parent(path)
        while dir != "/" && !root.exists(dir) {
            missing.insert(DirectoryChange(path: dir, mode: mode), at: 0)
            dir = TransactionPreflight.parent(dir)
        }
        return missing
    }

    /// Whether `name` is a domain hosted here (in a mail list or owned by an account), other than the hostname itself.
    public func isHostedDomain(_ name: String) -> Bool {
        name != snapshot.hostname && snapshot.domains.contains { $0.name == name }
    }
}
