#if canImport(Glibc)
import Glibc
#endif
import MailServer

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
