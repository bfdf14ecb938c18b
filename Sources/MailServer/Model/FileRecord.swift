
/// A file helofix looked at, whether it exists and (for files) its identity at read time.
public struct FileRecord: Codable, Sendable, Hashable {
    /// Absolute path on the server.
    public var path: String
    /// `false` for a missing list, which then reads as empty.
    public var present: Bool
    /// Size in bytes.
    public var size: Int64?
    /// Modification time, seconds since the epoch.
    public var mtime: Double?

    /// Creates a record.
    public init(path: String, present: Bool, size: Int64? = nil, mtime: Double? = nil) {
        self.path = path
        self.present = present
        self.size = size
        self.mtime = mtime
    }
}
