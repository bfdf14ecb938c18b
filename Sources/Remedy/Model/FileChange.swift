/// One file's change: its content before (`nil` = absent) and after (`nil` = removed).
public struct FileChange: Sendable, Codable, Hashable {
    /// Server path (`/etc/localdomains`).
    public var path: String
    /// The content read when the plan was made.
    public var before: [UInt8]?
    /// The content to install.
    public var after: [UInt8]?
    /// The file's identity when the plan was made; the executor refuses if it changed since.
    public var expected: FileIdentity?
    /// Permission bits for a file that does not exist yet.
    public var newFileMode: UInt32
    /// Group name for a file that does not exist yet (`mail` on cPanel), `nil` for root's group.
    public var newFileGroup: String?
    /// Exact owner, group, mode and xattrs to install (a rollback restores the recorded ones);
    /// `nil` keeps the current file's, or uses `newFileMode`/`newFileGroup` for a new file.
    public var metadata: FileMetadata?

    /// Creates a change.
    public init(path: String, before: [UInt8]?, after: [UInt8]?, expected: FileIdentity?,
                newFileMode: UInt32 = 0o644, newFileGroup: String? = nil, metadata: FileMetadata? = nil) {
        self.path = path
        self.before = before
        self.after = after
        self.expected = expected
        self.newFileMode = newFileMode
        self.newFileGroup = newFileGroup
        self.metadata = metadata
    }
}
