#if canImport(Glibc)
import Glibc
#endif
import MailServer

/// Refuses targets that a safe replace-by-rename would break or that the admin made read-only on
/// purpose (docs/changes.md, rule 7): symbolic links, hard-linked files, anything not a regular file,
/// and `chattr +i`/`+a` files. Never clears a flag silently.
enum TargetCheck {
    /// `FS_IOC_GETFLAGS` on Linux x86_64/arm64 (`_IOR('f', 1, long)`).
    static let getFlagsRequest: UInt = 0x8008_6601
    static let immutableFlag = 0x10
    static let appendOnlyFlag = 0x20

    /// The `lstat` of a server path (reached without following links), `nil` when absent.
    static func lstatus(_ root: ServerRoot, _ serverPath: String) throws(RemedyError) -> stat? {
        let (dirPath, base) = try ConfinedDirectory.split(serverPath)
        guard let dir = try ConfinedDirectory.openIfPresent(root, dirPath) else { return nil }
        return try dir.status(base, serverPath: serverPath)
    }

    /// Throws unless the path is absent or a plain, singly linked, mutable regular file.
    static func checkFile(_ root: ServerRoot, _ serverPath: String) throws(RemedyError) {
        let (dirPath, base) = try ConfinedDirectory.split(serverPath)
        guard let dir = try ConfinedDirectory.openIfPresent(root, dirPath),
              let st = try dir.status(base, serverPath: serverPath) else { return }
        let type = st.st_mode & S_IFMT
        if type == S_IFLNK {
            throw RemedyError(.unsafeTarget, "\(serverPath) is a symbolic link; helofix does not replace links (it would cut them): edit the file it points to, or replace the link with a regular file")
        }
        guard type == S_IFREG else {
            throw RemedyError(.unsafeTarget, "\(serverPath) is not a regular file (\(typeName(type))); nothing was written, check what is at that path")
        }
        if st.st_nlink > 1 {
            throw RemedyError(.unsafeTarget, "\(serverPath) has \(st.st_nlink) hard links; replacing it would split them apart, remove the extra links first (find / -samefile)")
        }
        let fd = dir.openFile(base)
        guard fd >= 0 else { return }
        defer { close(fd) }
        try checkFlags(fd, serverPath: serverPath)
    }

    /// Throws when `chattr +i` or `+a` is set on the open file or directory.
    static func checkFlags(_ fd: Int32, serverPath: String) throws(RemedyError) {
        var flags = 0
        // File systems without attribute support answer ENOTTY/EOPNOTSUPP: nothing to refuse then.
        guard ioctl(fd, getFlagsRequest, &flags) == 0 else { return }
        if flags & immutableFlag != 0 {
            throw RemedyError(.unsafeTarget, "\(serverPath) is immutable (chattr +i); someone protected it on purpose: clear it with chattr -i \(serverPath) if the change is wanted, then try again")
        }
        if flags & appendOnlyFlag != 0 {
            throw RemedyError(.unsafeTarget, "\(serverPath) is append-only (chattr +a); clear it with chattr -a \(serverPath) if the change is wanted, then try again")
        }
    }

    /// Throws unless the directory exists as a real directory (no link on the way) that can take new files.
    static func checkDirectory(_ root: ServerRoot, _ serverPath: String) throws(RemedyError) {
        let dir = try ConfinedDirectory.open(root, serverPath)
        try checkFlags(dir.fd, serverPath: serverPath)
    }

    static func typeName(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: "a directory"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "a special file"
        }
    }
}

/// Turns `errno` into a one-line error.
enum SystemCall {
    static func error(_ action: String, _ serverPath: String, _ code: Int32) -> RemedyError {
        let reason = String(cString: strerror(code))
        let advice: String = switch code {
        case EROFS: "the file system is mounted read-only; remount it read-write (mount -o remount,rw) and try again"
        case ENOSPC, EDQUOT: "the disk is full; free some space and try again"
        case EACCES, EPERM: "run helofix as root, and check chattr flags (lsattr) on the file and its directory"
        case EBUSY: "the file is a mount point (bind-mounted?) and cannot be replaced by rename; edit it where it is mounted from"
        default: "nothing was changed by this step; check the file and try again"
        }
        return RemedyError(.failed, "cannot \(action) \(serverPath): \(reason); \(advice)")
    }
}
