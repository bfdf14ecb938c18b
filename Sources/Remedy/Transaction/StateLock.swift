#if canImport(Glibc)
import Glibc
#endif
import MailServer

/// `flock` on `/var/lib/helofix/state.lock`, which tells a run in progress from the leftovers of a
/// killed one. Every transaction holds it shared from before its first backup until it ends; the
/// clean-up of leftovers (``LeftoverCleanup``) takes it exclusive without waiting, so it only ever
/// runs when no other helofix is between its backups and its journal. The kernel drops the lock
/// of a killed process, so no PID check is needed for the state directory.
final class StateLock {
    private var fd: Int32

    private init(fd: Int32) { self.fd = fd }

    deinit { release() }

    /// Server path of the lock file.
    static func path(_ store: StateStore) -> String { store.base + "/state.lock" }

    /// Takes the lock shared, waiting for a clean-up in progress (it takes milliseconds).
    static func shared(_ store: StateStore) throws(RemedyError) -> StateLock {
        let fd = try open(store)
        while flock(fd, LOCK_SH) != 0 {
            guard errno == EINTR else {
                let code = errno
                close(fd)
                throw SystemCall.error("lock (flock)", path(store), code)
            }
        }
        return StateLock(fd: fd)
    }

    /// Takes the lock exclusive when no other helofix holds it; `nil` when one does (or the state
    /// directory cannot be opened, which is not this step's to report).
    static func exclusiveIfFree(_ store: StateStore) -> StateLock? {
        guard let fd = try? open(store) else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        return StateLock(fd: fd)
    }

    /// Turns a shared lock into an exclusive one when no other helofix holds it. On failure the
    /// lock may be lost (flock converts by unlocking first), so call it only when done with it.
    func upgradeIfAlone() -> Bool {
        fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0
    }

    /// Releases the lock.
    func release() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
    }

    private static func open(_ store: StateStore) throws(RemedyError) -> Int32 {
        let dir = try ConfinedDirectory.open(store.root, store.base)
        let fd = openat(dir.fd, "state.lock", O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SystemCall.error("open", path(store), errno) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw RemedyError(.unsafeTarget, "\(path(store)) is not a regular file; move it away")
        }
        return fd
    }
}
