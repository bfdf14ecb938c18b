#if canImport(Glibc)
import Glibc
#endif
import MailServer

/// The one write path (docs/changes.md, rule 2): a temp file in the same directory
/// (`O_CREAT|O_EXCL|O_NOFOLLOW`, 0600), owner then mode then xattrs, fsync, rename, fsync the
/// directory, read back and compare the hash. If fsync fails the step aborts; it is never retried.
/// Every directory is reached through ``ConfinedDirectory``, so nothing is written outside the root.
struct SafeFileWriter {
    /// The server root every path is resolved under.
    let root: ServerRoot
    /// Distinguishes this transaction's temp files, so recovery can find and delete leftovers.
    let tag: String

    /// The temp file name used for `base` (`.localdomains.helofix-TAG`).
    static func tempName(_ base: String, tag: String) -> String { ".\(base).helofix-\(tag)" }

    /// Installs `bytes` at `serverPath` atomically with `metadata`.
    func replace(_ serverPath: String, bytes: [UInt8], metadata: FileMetadata, label: String? = nil) throws(RemedyError) {
        let name = label ?? serverPath
        let (dirPath, base) = try ConfinedDirectory.split(serverPath)
        let dir = try ConfinedDirectory.open(root, dirPath)
        let temp = Self.tempName(base, tag: tag)
        let fd = openat(dir.fd, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SystemCall.error("create a temporary file next to", name, errno) }
        var installed = false
        defer { if !installed { unlinkat(dir.fd, temp, 0) } }
        do throws(RemedyError) {
            try writeAll(fd, bytes, name)
            try metadata.apply(to: fd, serverPath: name)
            guard fsync(fd) == 0 else { throw SystemCall.error("flush (fsync) the new", name, errno) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw SystemCall.error("close the new", name, errno) }
        guard renameat(dir.fd, temp, dir.fd, base) == 0 else { throw SystemCall.error("replace", name, errno) }
        installed = true
        guard fsync(dir.fd) == 0 else { throw SystemCall.error("flush (fsync) the directory of", name, errno) }
        guard let back = try dir.readRegularFile(base, serverPath: name) else { throw SystemCall.error("read back", name, ENOENT) }
        guard ContentHash.sha256(back.bytes) == ContentHash.sha256(bytes) else {
            throw RemedyError(.failed, "\(name) reads back different from what was written (disk or file system problem); the transaction will be rolled back, check dmesg")
        }
    }

    /// Removes the file (absent is fine) and flushes its directory.
    func remove(_ serverPath: String) throws(RemedyError) {
        let (dirPath, base) = try ConfinedDirectory.split(serverPath)
        guard let dir = try ConfinedDirectory.openIfPresent(root, dirPath) else { return }
        guard unlinkat(dir.fd, base, 0) == 0 || errno == ENOENT else { throw SystemCall.error("remove", serverPath, errno) }
        guard fsync(dir.fd) == 0 else { throw SystemCall.error("flush (fsync) the directory of", serverPath, errno) }
    }

    /// Creates a directory with the given owner and mode (an existing one is left alone).
    func makeDirectory(_ change: DirectoryChange) throws(RemedyError) {
        let (dirPath, base) = try ConfinedDirectory.split(change.path)
        let parent = try ConfinedDirectory.open(root, dirPath)
        guard mkdirat(parent.fd, base, mode_t(change.mode)) == 0 else {
            if errno == EEXIST { return }
            throw SystemCall.error("create the directory", change.path, errno)
        }
        let made = try ConfinedDirectory.open(root, change.path)
        fchown(made.fd, change.uid, change.gid)
        fchmod(made.fd, mode_t(change.mode))
        guard fsync(parent.fd) == 0 else { throw SystemCall.error("flush (fsync) the directory of", change.path, errno) }
    }

    /// Removes an empty directory (absent is fine).
    func removeDirectory(_ serverPath: String) throws(RemedyError) {
        let (dirPath, base) = try ConfinedDirectory.split(serverPath)
        guard let parent = try ConfinedDirectory.openIfPresent(root, dirPath) else { return }
        guard unlinkat(parent.fd, base, AT_REMOVEDIR) == 0 || errno == ENOENT else {
            throw SystemCall.error("remove the directory", serverPath, errno)
        }
        _ = fsync(parent.fd)
    }

    /// The content and `fstat` of a regular file from one open descriptor, `nil` when absent;
    /// refuses links, non-regular files and paths leading outside the root.
    static func read(_ root: ServerRoot, _ serverPath: String) throws(RemedyError) -> ConfinedDirectory.FileRead? {
        let (dirPath, base) = try ConfinedDirectory.split(serverPath)
        guard let dir = try ConfinedDirectory.openIfPresent(root, dirPath) else { return nil }
        return try dir.readRegularFile(base, serverPath: serverPath)
    }

    /// The content of a file, `nil` when absent or unreadable (for helofix's own state files).
    static func contents(_ root: ServerRoot, _ serverPath: String) -> [UInt8]? {
        (try? read(root, serverPath)).flatMap { $0?.bytes }
    }

    /// fsyncs a directory.
    static func syncDirectory(_ root: ServerRoot, _ serverDirectory: String) throws(RemedyError) {
        let dir = try ConfinedDirectory.open(root, serverDirectory)
        guard fsync(dir.fd) == 0 else { throw SystemCall.error("flush (fsync) the directory", serverDirectory, errno) }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], _ serverPath: String) throws(RemedyError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemCall.error("write the new", serverPath, errno)
            }
            offset += n
        }
    }
}
