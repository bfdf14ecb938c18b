import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches the files a snapshot was read from, through inotify on their parent directories:
/// panels and editors replace files by rename, which a watch on the file itself would miss.
final class ServerWatcher: @unchecked Sendable {
    private let fd: Int32
    /// Watch descriptor -> names in that directory that matter (`nil`: every name).
    private var watched: [Int32: Set<String>?] = [:]
    private let stopFlag = StopFlag()

    /// Watches `hostPaths` (files or directories). Returns `nil` when inotify is unavailable.
    init?(hostPaths: [String]) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        var byDirectory: [String: Set<String>] = [:]
        var wholeDirectories: Set<String> = []
        for path in hostPaths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                wholeDirectories.insert(path)
            }
            let parent = (path as NSString).deletingLastPathComponent
            byDirectory[parent, default: []].insert((path as NSString).lastPathComponent)
        }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)
        for (directory, names) in byDirectory {
            let wd = inotify_add_watch(fd, directory, mask)
            if wd >= 0 { watched[wd] = wholeDirectories.contains(directory) ? .some(nil) : .some(names) }
        }
        for directory in wholeDirectories where byDirectory[directory] == nil {
            let wd = inotify_add_watch(fd, directory, mask)
            if wd >= 0 { watched[wd] = .some(nil) }
        }
    }

    deinit { Glibc.close(fd) }

    /// Starts a thread that calls `changed` whenever a watched file changes.
    func start(_ changed: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in run(changed) }
        thread.name = "helofix.watch"
        thread.start()
    }

    func stop() { stopFlag.raise() }

    private var isStopped: Bool { stopFlag.isRaised }

    private func run(_ changed: @Sendable () -> Void) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 250) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard n > 0 else { continue }
            if relevant(buffer, count: n) { changed() }
        }
    }

    /// Whether any event in the buffer names a watched file.
    private func relevant(_ buffer: [UInt8], count: Int) -> Bool {
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        var hit = false
        buffer.withUnsafeBytes { raw in
            while offset + header <= count {
                let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = raw[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if let entry = watched[wd] {
                    if let names = entry { if names.contains(name) { hit = true } } else { hit = true }
                }
                offset += header + length
            }
        }
        return hit
    }
}
