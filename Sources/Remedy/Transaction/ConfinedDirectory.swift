#if canImport(Glibc)
import Glibc
#endif
import MailServer

/// A directory under the server root, opened one path component at a time with `O_NOFOLLOW`, so
/// that no symbolic link on the way (`ROOT/var -> /elsewhere`) and no `..` in a path read back
/// from a journal can lead a write, a delete or a lock outside the root. Every change helofix
/// makes goes through the `*at()` calls relative to such a descriptor (see docs/changes.md,
/// "Staying inside the root").
final class ConfinedDirectory {
    /// The open directory.
    let fd: Int32
    /// Its server path (`/etc/valiases`).
    let serverPath: String

    private init(fd: Int32, serverPath: String) {
        self.fd = fd
        self.serverPath = serverPath
    }

    deinit { close(fd) }

    /// The components of a server path, refusing anything that could climb out of the root or
    /// name something else than it says: relative paths, empty, `.` and `..` components, NUL bytes.
    static func components(_ serverPath: String) throws(RemedyError) -> [String] {
        guard serverPath.hasPrefix("/"), !serverPath.utf8.contains(0) else {
            throw RemedyError(.unsafeTarget, "\"\(serverPath.terminalSafe)\" is not an absolute server path; helofix changes nothing outside the server root (if a journal names it, the journal is corrupt)")
        }
        if serverPath == "/" { return [] }
        let parts = serverPath.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for part in parts where part.isEmpty || part == "." || part == ".." || part.utf8.count > 255 {
            throw RemedyError(.unsafeTarget, "\"\(serverPath.terminalSafe)\" has a \"\(part)\" component; helofix changes nothing outside the server root (if a journal names it, the journal is corrupt)")
        }
        return parts
    }

    /// The parent directory and the last component of a file's server path.
    static func split(_ serverPath: String) throws(RemedyError) -> (directory: String, name: String) {
        let parts = try components(serverPath)
        guard let name = parts.last else {
            throw RemedyError(.unsafeTarget, "the server root itself is not a file helofix changes")
        }
        return ("/" + parts.dropLast().joined(separator: "/"), name)
    }

    /// Opens `serverDirectory` under `root` without following any link; throws when a component
    /// is missing, a link or not a directory.
    static func open(_ root: ServerRoot, _ serverDirectory: String) throws(RemedyError) -> ConfinedDirectory {
        guard let dir = try openIfPresent(root, serverDirectory) else {
            throw RemedyError(.failed, "directory \(serverDirectory) does not exist; nothing was written")
        }
        return dir
    }

    /// Like ``open(_:_:)`` but `nil` when a component does not exist.
    static func openIfPresent(_ root: ServerRoot, _ serverDirectory: String) throws(RemedyError) -> ConfinedDirectory? {
        let parts = try components(serverDirectory)
        // The root itself is the admin's choice (`--root`) and may be reached through links.
        var fd = Glibc.open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCall.error("open the server root", root.path, errno) }
        var walked = ""
        for part in parts {
            walked += "/" + part
            let next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            if next < 0 {
                var st = stat()
                let isLink = fstatat(fd, part, &st, AT_SYMLINK_NOFOLLOW) == 0 && st.st_mode & S_IFMT == S_IFLNK
                close(fd)
                if isLink {
                    throw RemedyError(.unsafeTarget, "\(walked) is a symbolic link; helofix never follows a link on the way to a file it changes (it could lead outside the server root): nothing was written, replace the link by the real directory or use the real path as --root")
                }
                if code == ENOENT { return nil }
                if code == ENOTDIR {
                    throw RemedyError(.unsafeTarget, "\(walked) is not a directory; nothing was written, check what is at that path")
                }
                throw SystemCall.error("open the directory", walked, code)
            }
            close(fd)
            fd = next
        }
        return ConfinedDirectory(fd: fd, serverPath: serverDirectory)
    }

    /// `lstat` of a name in this directory, `nil` when absent.
    func status(_ name: String, serverPath: String) throws(RemedyError) -> stat? {
        var st = stat()
        if fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 { return st }
        if errno == ENOENT { return nil }
        throw SystemCall.error("inspect", serverPath, errno)
    }

    /// Opens a name in this directory for reading without following a link and without blocking
    /// on a FIFO; `-1` with errno set on failure.
    func openFile(_ name: String, flags: Int32 = O_RDONLY) -> Int32 {
        openat(fd, name, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    }

    /// Reads a regular file in this directory from ONE open descriptor: its bytes, the `fstat` and
    /// the owner, mode and xattrs of that same descriptor, so content, identity and metadata always
    /// belong together. `nil` when absent.
    func readRegularFile(_ name: String, serverPath: String) throws(RemedyError) -> FileRead? {
        let f = openFile(name)
        if f < 0 {
            if errno == ENOENT { return nil }
            if errno == ELOOP {
                throw RemedyError(.unsafeTarget, "\(serverPath) is a symbolic link; helofix does not replace links (it would cut them): edit the file it points to, or replace the link with a regular file")
            }
            throw SystemCall.error("read", serverPath, errno)
        }
        defer { close(f) }
        var st = stat()
        guard fstat(f, &st) == 0 else { throw SystemCall.error("inspect", serverPath, errno) }
        guard st.st_mode & S_IFMT == S_IFREG else {
            throw RemedyError(.unsafeTarget, "\(serverPath) is not a regular file (\(TargetCheck.typeName(st.st_mode & S_IFMT))); nothing was written, check what is at that path")
        }
        guard Int64(st.st_size) <= ServerRoot.maxConfigFileSize else {
            throw RemedyError(.unsafeTarget, "\(serverPath) is \(st.st_size) bytes, too large for a configuration file; nothing was written, check what wrote it")
        }
        guard let bytes = Self.readAll(f) else { throw SystemCall.error("read", serverPath, errno) }
        return FileRead(bytes: bytes, status: st, metadata: FileMetadata.read(fd: f, status: st))
    }

    /// What one read of a regular file saw.
    struct FileRead {
        var bytes: [UInt8]
        var status: stat
        var metadata: FileMetadata
        /// Content hash, size, mtime and inode as read.
        var identity: FileIdentity { FileIdentity(bytes: bytes, stat: status) }
    }

    /// Everything an open descriptor yields, `nil` on a read error (errno set).
    static func readAll(_ f: Int32) -> [UInt8]? {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(f, &chunk, chunk.count)
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return out }
            out.append(contentsOf: chunk.prefix(n))
        }
    }
}

extension String {
    /// Control characters shown as `\u{1B}`-style escapes, so a crafted name or reason cannot drive
    /// the admin's terminal when it is printed.
    public var terminalSafe: String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
