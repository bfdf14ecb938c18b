import MailServer
import Synchronization
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
    private let reads = PlanReads()
    private let hook: StepHook

    /// Creates a context.
    public init(snapshot: ServerSnapshot, root: ServerRoot, force: Bool, hook: StepHook = .none) {
        self.snapshot = snapshot
        self.root = root
        self.force = force
        self.hook = hook
    }

    /// The current content and identity of a file (`nil`, `nil` when absent); refuses unsafe targets.
    /// Each file is read ONCE per plan: the new content is computed from, and the change checked
    /// against, the same read, so a concurrent edit is caught under the lock instead of lost.
    public func current(_ path: String) throws(RemedyError) -> ([UInt8]?, FileIdentity?) {
        if let seen = reads.get(path) { return seen }
        try TargetCheck.checkFile(root, path)
        let read = try SafeFileWriter.read(root, path)
        let result = (read?.bytes, read?.identity)
        reads.set(path, result)
        hook.reached("read \(path)")
        return result
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

/// The files one plan has read (one read per file; see ``PlanningContext/current(_:)``).
private final class PlanReads: Sendable {
    private let seen = Mutex<[String: ([UInt8]?, FileIdentity?)]>([:])

    func get(_ path: String) -> ([UInt8]?, FileIdentity?)? { seen.withLock { $0[path] } }
    func set(_ path: String, _ value: ([UInt8]?, FileIdentity?)) { seen.withLock { $0[path] = value } }
}
