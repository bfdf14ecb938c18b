/// A cPanel-style `<file>.lock` next to a mail file: `PID\nprogram\n`.
public struct LockFileInfo: Codable, Sendable, Hashable {
    /// The lock file's path.
    public var path: String
    /// The file it protects.
    public var target: String
    /// The PID written in it, if readable.
    public var pid: Int32?
    /// The program written in it.
    public var program: String?
    /// Whether that PID is a running process (`false` = stale lock).
    public var holderAlive: Bool

    /// Creates a lock record.
    public init(path: String, target: String, pid: Int32?, program: String?, holderAlive: Bool) {
        self.path = path
        self.target = target
        self.pid = pid
        self.program = program
        self.holderAlive = holderAlive
    }
}
