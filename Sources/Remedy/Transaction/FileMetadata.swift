#if canImport(Glibc)
import Glibc
#endif

/// Owner, group, permission bits and extended attributes of a file (SELinux label, ACLs), kept so
/// a replaced or restored file keeps exactly what it had: `root:mail 0640` stays `root:mail 0640`.
public struct FileMetadata: Sendable, Codable, Hashable {
    /// Owner and group ids.
    public var uid: UInt32
    public var gid: UInt32
    /// Permission bits (`0o640`).
    public var mode: UInt32
    /// Extended attributes by name (`security.selinux`, `system.posix_acl_access`, …).
    public var xattrs: [String: [UInt8]]

    /// Creates metadata.
    public init(uid: UInt32, gid: UInt32, mode: UInt32, xattrs: [String: [UInt8]] = [:]) {
        self.uid = uid
        self.gid = gid
        self.mode = mode
        self.xattrs = xattrs
    }

    /// Reads the metadata of an open file (`st` is its `fstat`).
    static func read(fd: Int32, status st: stat) -> FileMetadata {
        FileMetadata(uid: st.st_uid, gid: st.st_gid, mode: UInt32(st.st_mode) & 0o7777, xattrs: ExtendedAttributes.read(fd))
    }

    /// Metadata for a file that does not exist yet: root, the named group if the system has it.
    static func newFile(mode: UInt32, group: String?) -> FileMetadata {
        var gid: UInt32 = 0
        if let group, let entry = getgrnam(group) { gid = entry.pointee.gr_gid }
        return FileMetadata(uid: 0, gid: gid, mode: mode)
    }

    /// Applies owner, then mode, then xattrs to an open file (chown first: it clears set-id bits).
    func apply(to fd: Int32, serverPath: String) throws(RemedyError) {
        guard fchown(fd, uid, gid) == 0 else { throw SystemCall.error("set the owner of the new", serverPath, errno) }
        guard fchmod(fd, mode_t(mode)) == 0 else { throw SystemCall.error("set the mode of the new", serverPath, errno) }
        for (name, value) in xattrs.sorted(by: { $0.key < $1.key }) {
            let rc = ExtendedAttributes.set(fd, name, value)
            // A file system without xattr support cannot have had them on the original either.
            if rc != 0 && errno != ENOTSUP {
                throw SystemCall.error("copy the extended attribute \(name) to the new", serverPath, errno)
            }
        }
    }
}
