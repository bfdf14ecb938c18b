#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a server tree into one ``ServerSnapshot``. Problems in single files become diagnostics;
/// only a root that cannot be read at all throws.
public struct SnapshotReader: Sendable {
    /// The tree read as `/`.
    public let root: ServerRoot
    /// Asked whether a lock holder is alive.
    public let processes: any ProcessProbe
    /// `false` makes every file take the general parsers (tests compare the fast paths with them).
    var fastPaths = true
    /// `false` keeps every trace whole (tests compare compact traces with them).
    var compactTraces = true

    /// Creates a reader.
    public init(root: ServerRoot, processes: any ProcessProbe = SystemProcessProbe()) {
        self.root = root
        self.processes = processes
    }

    /// Reads the snapshot.
    public func read() throws(SnapshotError) -> ServerSnapshot {
        var st = stat()
        guard stat(root.path, &st) == 0 else { throw .noSuchRoot(root.path) }
        guard FileStatus(st).isDirectory else { throw .rootNotDirectory(root.path) }
        guard access(root.path, R_OK | X_OK) == 0, root.list("/") != nil else { throw .unreadableRoot(root.path) }
        guard let platform = PlatformDetector.detect(root) else { throw .notAMailServer(root.path) }
        var builder = SnapshotBuilder(root: root, platform: platform, processes: processes)
        builder.fastPaths = fastPaths
        builder.snapshot.traceList = TraceList(compacting: compactTraces)
        switch platform {
        case .cpanel: builder.readCPanel()
        case .directadmin: builder.readDirectAdmin()
        case .exim: builder.readExim()
        case .unknown:
            let f = UnknownPlatformFiles()
            builder.readDomainList(f.localdomains.path, as: .local)
            builder.readDomainList(f.virtualDomains.path, as: .local)
            builder.readHostname(extra: [])
        }
        builder.readLocks()
        return builder.finish()
    }
}
