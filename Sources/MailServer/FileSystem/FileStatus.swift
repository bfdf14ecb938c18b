import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The parts of `stat` helofix uses.
public struct FileStatus: Sendable, Hashable, Codable {
    public var size: Int64
    public var mtime: Double
    public var inode: UInt64
    public var device: UInt64
    public var mode: UInt32
    public var uid: UInt32
    public var gid: UInt32
    public var links: UInt64

    init(_ st: stat) {
        size = Int64(st.st_size)
        mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        inode = UInt64(st.st_ino)
        device = UInt64(st.st_dev)
        mode = UInt32(st.st_mode)
        uid = UInt32(st.st_uid)
        gid = UInt32(st.st_gid)
        links = UInt64(st.st_nlink)
    }

    /// A regular file.
    public var isRegular: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFREG) }
    /// A directory.
    public var isDirectory: Bool { mode & UInt32(S_IFMT) == UInt32(S_IFDIR) }
    /// Permission bits.
    public var permissions: UInt32 { mode & 0o7777 }
}
