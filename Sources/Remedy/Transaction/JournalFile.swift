import Foundation

/// One file in a journal: what it was and what it becomes.
public struct JournalFile: Sendable, Codable, Hashable {
    /// Server path.
    public var path: String
    /// The real path under the root when the journal was written (after resolving the directory).
    public var realPath: String
    /// SHA-256 of the content before (`nil` = the file did not exist).
    public var beforeHash: String?
    /// SHA-256 of the content after (`nil` = the file is removed).
    public var afterHash: String?
    /// Size, modification time and inode before (the identity that was checked under the lock).
    public var beforeSize: Int64?
    public var beforeMtime: Double?
    public var beforeInode: UInt64?
    /// Owner, mode and xattrs before (restored with the content).
    public var beforeMetadata: FileMetadata?
    /// Owner, mode and xattrs the new content gets.
    public var afterMetadata: FileMetadata?
}
