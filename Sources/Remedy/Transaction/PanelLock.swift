#if canImport(Glibc)
import Glibc
#endif
import MailServer

/// The two locks cPanel takes on a mail file (`Cpanel::SafeFile`; docs/changes.md, rule 4), taken the same way so
/// neither side loses the other's update: `<file>.lock`, created by `link()` from a temp file
/// holding `PID\nprogram\n` (stale when that PID is dead), and `flock` on the file itself.
final class PanelLock {
    /// The locked file's server path.
    let serverPath: String
    private let directory: ConfinedDirectory
    private let name: String
    private let lockName: String
    private let content: [UInt8]
    private var fd: Int32 = -1

    private init(serverPath: String, directory: ConfinedDirectory, name: String, content: [UInt8]) {
        self.serverPath = serverPath
        self.directory = directory
        self.name = name
        self.lockName = name + ".lock"
        self.content = content
    }

    /// Takes both locks on `serverPath` (its directory reached without following links), waiting
    /// at most `wait` seconds for a live holder.
    static func acquire(root: ServerRoot, serverPath: String, program: String, wait: Double,
                        processes: any ProcessProbe) throws(RemedyError) -> PanelLock {
        let (dirPath, name) = try ConfinedDirectory.split(serverPath)
        let directory = try ConfinedDirectory.open(root, dirPath)
        let content = Array("\(getpid())\n\(program)\n".utf8)
        let lock = PanelLock(serverPath: serverPath, directory: directory, name: name, content: content)
        let deadline = now() + wait
        try lock.takeLockFile(deadline: deadline, processes: processes)
        do throws(RemedyError) {
            try lock.takeFlock(deadline: deadline)
        } catch {
            lock.release()
            throw error
        }
        return lock
    }

    /// Releases both locks (the lock file only if it is still ours).
    func release() {
        if fd >= 0 {
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
        if lockFileContent() == content { unlinkat(directory.fd, lockName, 0) }
    }

    private func lockFileContent() -> [UInt8]? {
        let f = directory.openFile(lockName)
        guard f >= 0 else { return nil }
        defer { close(f) }
        return ConfinedDirectory.readAll(f)
    }

    private func takeLockFile(deadline: Double, processes: any ProcessProbe) throws(RemedyError) {
        let temp = "\(lockName).\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let tfd = openat(directory.fd, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard tfd >= 0 else { throw SystemCall.error("create the lock file for", serverPath, errno) }
        _ = content.withUnsafeBytes { write(tfd, $0.baseAddress, content.count) }
        close(tfd)
        defer { unlinkat(directory.fd, temp, 0) }
        while true {
            if linkat(directory.fd, temp, directory.fd, lockName, 0) == 0 { return }
            guard errno == EEXIST else { throw SystemCall.error("lock", serverPath, errno) }
            let holder = lockFileContent().map { String(decoding: $0, as: UTF8.self) } ?? ""
            let lines = holder.split(separator: "\n")
            let pid = lines.first.flatMap { Int32($0.trimming(" \t\r")) }
            if let pid, !processes.isAlive(pid) {
                // Stale: the process that took it is gone (cPanel treats it the same way).
                unlinkat(directory.fd, lockName, 0)
                continue
            }
            if PanelLock.now() >= deadline {
                let who = pid.map { "process \($0)\(lines.count > 1 ? " (\(String(lines[1]).terminalSafe))" : "")" } ?? "an unreadable lock file"
                throw RemedyError(.conflict, "\(serverPath) is locked by \(who) through \(serverPath).lock; nothing was written: wait for that task to finish (or stop it) and try again")
            }
            usleep(50_000)
        }
    }

    private func takeFlock(deadline: Double) throws(RemedyError) {
        let f = directory.openFile(name)
        // A file that does not exist yet has nothing to flock; the .lock file covers its creation.
        guard f >= 0 else { return }
        fd = f
        while flock(f, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw SystemCall.error("flock", serverPath, errno) }
            if PanelLock.now() >= deadline {
                throw RemedyError(.conflict, "\(serverPath) is flock()ed by another process (fuser \(serverPath) shows which); nothing was written: wait for it to finish and try again")
            }
            usleep(50_000)
        }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

extension StringProtocol {
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
