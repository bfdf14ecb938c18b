#if canImport(Glibc)
import Glibc
#endif

/// The one write path (docs/changes.md, rule 2): a temp file in the same directory
/// (`O_CREAT|O_EXCL|O_NOFOLLOW`, 0600), owner then mode then xattrs, fsync, rename, fsync the
/// directory, read back and compare the hash. If fsync fails the step aborts; it is never retried.
struct SafeFileWriter {
    /// Distinguishes this transaction's temp files, so recovery can find and delete leftovers.
    let tag: String

    /// The temp file name used for `base` (`.localdomains.helofix-TAG`).
    static func tempName(_ base: String, tag: String) -> String { ".\(base).helofix-\(tag)" }

    /// Installs `bytes` at `hostPath` atomically with `metadata`.
    func replace(hostPath: String, serverPath: String, bytes: [UInt8], metadata: FileMetadata) throws(RemedyError) {
        let (dir, base) = split(hostPath)
        let dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirfd >= 0 else { throw SystemCall.error("open the directory of", serverPath, errno) }
        defer { close(dirfd) }
        let temp = Self.tempName(base, tag: tag)
        let fd = openat(dirfd, temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SystemCall.error("create a temporary file next to", serverPath, errno) }
        var installed = false
        defer { if !installed { unlinkat(dirfd, temp, 0) } }
        do throws(RemedyError) {
            try writeAll(fd, bytes, serverPath)
            try metadata.apply(to: fd, serverPath: serverPath)
            guard fsync(fd) == 0 else { throw SystemCall.error("flush (fsync) the new", serverPath, errno) }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw SystemCall.error("close the new", serverPath, errno) }
        guard renameat(dirfd, temp, dirfd, base) == 0 else { throw SystemCall.error("replace", serverPath, errno) }
        installed = true
        guard fsync(dirfd) == 0 else { throw SystemCall.error("flush (fsync) the directory of", serverPath, errno) }
        try verify(hostPath: hostPath, serverPath: serverPath, expected: bytes)
    }

    /// Removes the file and flushes its directory.
    func remove(hostPath: String, serverPath: String) throws(RemedyError) {
        let (dir, _) = split(hostPath)
        guard unlink(hostPath) == 0 || errno == ENOENT else { throw SystemCall.error("remove", serverPath, errno) }
        try Self.syncDirectory(dir, serverPath: serverPath)
    }

    /// Reads the file back and compares it byte for byte (hash) with what was written.
    func verify(hostPath: String, serverPath: String, expected: [UInt8]) throws(RemedyError) {
        guard let back = Self.readFile(hostPath) else { throw SystemCall.error("read back", serverPath, errno) }
        guard ContentHash.sha256(back) == ContentHash.sha256(expected) else {
            throw RemedyError(.failed, "\(serverPath) reads back different from what was written (disk or file system problem); the transaction will be rolled back, check dmesg")
        }
    }

    /// fsyncs a directory.
    static func syncDirectory(_ dir: String, serverPath: String) throws(RemedyError) {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCall.error("open the directory of", serverPath, errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw SystemCall.error("flush (fsync) the directory of", serverPath, errno) }
    }

    /// The whole file, `nil` on error (errno set).
    static func readFile(_ hostPath: String) -> [UInt8]? {
        let fd = open(hostPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return out }
            out.append(contentsOf: chunk.prefix(n))
        }
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

    private func split(_ hostPath: String) -> (String, String) {
        guard let slash = hostPath.lastIndex(of: "/") else { return (".", hostPath) }
        let dir = String(hostPath[..<slash])
        return (dir.isEmpty ? "/" : dir, String(hostPath[hostPath.index(after: slash)...]))
    }
}
