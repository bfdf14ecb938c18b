import Crypto
import MailServer

/// What a file was when it was read: content hash, size, modification time, inode and device.
/// Compared again under the lock just before a change is committed, to catch a concurrent edit.
public struct FileIdentity: Sendable, Codable, Hashable {
    /// SHA-256 of the content, lower-case hex.
    public var sha256: String
    /// Size, modification time, inode and device from `lstat`.
    public var size: Int64
    public var mtime: Double
    public var inode: UInt64
    public var device: UInt64

    /// Creates an identity from content and `stat` fields.
    public init(bytes: [UInt8], size: Int64, mtime: Double, inode: UInt64, device: UInt64) {
        sha256 = ContentHash.sha256(bytes)
        self.size = size
        self.mtime = mtime
        self.inode = inode
        self.device = device
    }

    /// Creates an identity from content and a snapshot-style status.
    public init(bytes: [UInt8], status: FileStatus) {
        self.init(bytes: bytes, size: status.size, mtime: status.mtime, inode: status.inode, device: status.device)
    }

    /// What differs from `other`, in words (`content`, `size`, …); empty when identical.
    public func differences(from other: FileIdentity) -> [String] {
        var out: [String] = []
        if sha256 != other.sha256 { out.append("content") }
        if size != other.size { out.append("size") }
        if mtime != other.mtime { out.append("modification time") }
        if inode != other.inode || device != other.device { out.append("inode (the file was replaced)") }
        return out
    }
}
