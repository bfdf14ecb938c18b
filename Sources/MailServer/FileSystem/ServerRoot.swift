import CLibcExtras
import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directory that is read as the server's `/`. Every path in helofix is a server path
/// (`/etc/localdomains`); only this type turns it into a host path under `--root`.
public struct ServerRoot: Sendable, Hashable {
    /// The host directory acting as `/` (no trailing slash, except `/` itself).
    public let path: String

    /// Files larger than this are not configuration files and are refused with a diagnostic.
    public static let maxConfigFileSize: Int64 = 256 << 20

    /// Creates a root; `path` is used as given (made absolute by the caller).
    public init(_ path: String) {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        self.path = p.isEmpty ? "/" : p
    }

    /// The host path for a server path: `ROOT/etc/localdomains`.
    public func hostPath(_ serverPath: String) -> String {
        path == "/" ? serverPath : path + serverPath
    }

    /// `stat` of a server path, following symlinks; `nil` if absent.
    public func status(_ serverPath: String) -> FileStatus? {
        var st = stat()
        guard stat(hostPath(serverPath), &st) == 0 else { return nil }
        return FileStatus(st)
    }

    /// Whether anything exists at the server path (following symlinks).
    public func exists(_ serverPath: String) -> Bool { status(serverPath) != nil }

    /// Whether the server path is a directory.
    public func isDirectory(_ serverPath: String) -> Bool { status(serverPath)?.isDirectory ?? false }

    /// Names in a directory (no `.`/`..`), or `nil` when it cannot be listed.
    public func list(_ serverPath: String) -> [String]? {
        guard let dir = opendir(hostPath(serverPath)) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Calls `body` with the bytes of each name in a directory (no `.`/`..`), in directory order,
    /// without making a `String` per name; `false` when it cannot be listed.
    func forEachName(_ serverPath: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        #if os(Linux)
        // The entries are read 256 KiB at a time with getdents64 and taken where the kernel put
        // them: `readdir` fetches 32 KiB a call (130 calls for a big server's 100,000-entry
        // directory) and locks the stream for each entry. A megabyte a call was tried: the kernel
        // fills the buffer whole, so each listing faulted in 256 fresh pages for it.
        let fd = open(hostPath(serverPath), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let size = 256 << 10
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        // A record: inode (8 bytes), offset (8), its length (2), type (1), the name ended by NUL.
        let lengthOffset = 16, nameOffset = 19
        while true {
            let filled = cx_getdents64(fd, buffer, size)
            if filled < 0 && errno == EINTR { continue }
            // An error part-way ends the listing as `readdir` would (what was read is kept).
            guard filled > 0 else { return true }
            var at = 0
            while at < filled {
                let start = UnsafeRawPointer(buffer + at + nameOffset)
                let name = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: strlen(start.assumingMemoryBound(to: CChar.self)))
                let dots = name.count == 1 && name[0] == 0x2E || name.count == 2 && name[0] == 0x2E && name[1] == 0x2E
                if !dots { body(name) }
                at += Int(buffer.load(fromByteOffset: at + lengthOffset, as: UInt16.self))
            }
        }
        #else
        guard let dir = opendir(hostPath(serverPath)) else { return false }
        defer { closedir(dir) }
        // The name is read where `readdir` left it (not copied out of the entry, 256 bytes each,
        // for 100,000 names), its length by `strlen`.
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            let start = UnsafeRawPointer(entry) + nameOffset
            let name = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: strlen(start.assumingMemoryBound(to: CChar.self)))
            let dots = name.count == 1 && name[0] == 0x2E || name.count == 2 && name[0] == 0x2E && name[1] == 0x2E
            if !dots { body(name) }
        }
        return true
        #endif
    }

    /// Reads a whole file, or says why it could not. Three system calls on the usual path
    /// (`stat`, `open`, one `read`): it runs for every account file of a big server.
    public func read(_ serverPath: String) -> FileRead {
        let host = hostPath(serverPath)
        var st = stat()
        if stat(host, &st) != 0 {
            let code = errno
            var lst = stat()
            // Only a name that exists as a link can loop or dangle; otherwise it is simply missing.
            guard lstat(host, &lst) == 0 else { return .missing }
            if code == ELOOP || code == ENOENT {
                return .failed(Diagnostic(.symlinkLoop, at: SourceLocation(file: serverPath),
                    message: code == ELOOP
                        ? "\(serverPath) is a symbolic link that loops; point it at the real file or remove it"
                        : "\(serverPath) is a symbolic link to a missing file; fix or remove the link"))
            }
            return .failed(unreadable(serverPath, code))
        }
        let status = FileStatus(st)
        // Checked before opening: opening a FIFO would block the reader.
        guard status.isRegular else {
            return .failed(Diagnostic(.notRegularFile, at: SourceLocation(file: serverPath),
                message: "\(serverPath) is not a regular file; Exim cannot read it as a list"))
        }
        guard status.size <= Self.maxConfigFileSize else {
            return .failed(Diagnostic(.tooLarge, at: SourceLocation(file: serverPath),
                message: "\(serverPath) is \(status.size) bytes, too large for a mail list; check what wrote it"))
        }
        do {
            let fd = try FileDescriptor.open(FilePath(host), .readOnly, options: [.closeOnExec])
            defer { try? fd.close() }
            // One byte more than stat said: a short read of a regular file means end of file, so
            // the usual case needs no second read; a file that grew meanwhile is read to its end.
            var bytes = [UInt8](repeating: 0, count: Int(status.size) + 1)
            var filled = 0
            while true {
                let n = try bytes.withUnsafeMutableBytes { raw in
                    try fd.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
                }
                filled += n
                if n == 0 || filled < bytes.count { break }
                if Int64(filled) > Self.maxConfigFileSize { break }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count)))
            }
            bytes.removeSubrange(filled...)
            return .content(bytes, status)
        } catch let error as Errno {
            return .failed(unreadable(serverPath, error.rawValue))
        } catch {
            return .failed(unreadable(serverPath, EIO))
        }
    }

    private func unreadable(_ serverPath: String, _ code: Int32) -> Diagnostic {
        let reason = String(cString: strerror(code))
        return Diagnostic(.unreadable, at: SourceLocation(file: serverPath),
            message: "cannot read \(serverPath): \(reason); run helofix as root or fix the file's permissions")
    }
}
