import Dispatch
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
        switch platform {
        case .cpanel:
            // The domain lists and the mail files are independent: read them on both cores.
            let halves = BuilderPair(builder)
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                halves.update(half) { half == 0 ? $0.readCPanelDomains() : $0.readCPanelMail() }
            }
            builder = halves.first
            builder.absorb(halves.second)
        case .directadmin: builder.readDirectAdmin()
        case .exim: builder.readExim()
        case .unknown:
            builder.readDomainList("/etc/localdomains", as: .local)
            builder.readDomainList("/etc/virtual/domains", as: .local)
            builder.readHostname(extra: [])
        }
        builder.readLocks()
        return builder.finish()
    }
}

/// Two builders filled on two threads; each thread touches only its own slot (raw memory, so
/// there is no shared Swift property whose exclusive access the two threads would contend for).
private final class BuilderPair: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<SnapshotBuilder>

    init(_ builder: SnapshotBuilder) {
        slots = .allocate(capacity: 2)
        slots.initialize(repeating: builder, count: 2)
    }

    deinit {
        slots.deinitialize(count: 2)
        slots.deallocate()
    }

    func update(_ index: Int, _ body: (inout SnapshotBuilder) -> Void) { body(&slots[index]) }

    var first: SnapshotBuilder { slots[0] }
    var second: SnapshotBuilder { slots[1] }
}
