/// A directory a plan creates or removes, with the owner and mode to give it back.
public struct DirectoryChange: Sendable, Codable, Hashable {
    /// Server path.
    public var path: String
    /// Permission bits.
    public var mode: UInt32
    /// Owner and group ids (kept so a rollback recreates the directory as it was).
    public var uid: UInt32
    public var gid: UInt32

    /// Creates a directory change.
    public init(path: String, mode: UInt32, uid: UInt32 = 0, gid: UInt32 = 0) {
        self.path = path
        self.mode = mode
        self.uid = uid
        self.gid = gid
    }
}
