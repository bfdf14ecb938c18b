import Diagnosis
import Dispatch
import MailServer

/// One server of a fleet after its single-server analysis.
struct FleetMember: Sendable {
    /// The inventory name (the directory's name under DEST).
    var name: String
    /// The directory read as its `/`.
    var root: String
    /// The summary the cross-server rules read; `nil` when the tree could not be read.
    var server: FleetServer?
    /// The single-server findings.
    var findings: [Finding]
    /// Impersonation rejections in its collected log lines.
    var rejections: Int
    /// Why the tree could not be read, or a log problem.
    var problems: [String]

    /// Reads one collected tree: snapshot and log scan, then the single-server rules. The one place
    /// that runs the per-server analysis, so it can be swapped for the shared pipeline.
    static func analyse(name: String, root: ServerRoot) -> FleetMember {
        let snapshot: ServerSnapshot
        do {
            snapshot = try SnapshotReader(root: root, processes: RemoteProcesses()).read()
        } catch {
            return FleetMember(name: name, root: root.path, server: nil, findings: [], rejections: 0, problems: [error.description])
        }
        // Servers are read in parallel, so each one's logs are read on one thread.
        let logs = LogScanner(threads: 1).scan(LogFile.defaults(root: root, platform: snapshot.platform))
        let findings = FindingEngine().evaluate(snapshot, rejections: logs.groups)
        return FleetMember(name: name, root: root.path, server: FleetServer(name: name, snapshot: snapshot, rejections: logs.groups),
                           findings: findings, rejections: logs.rejections, problems: logs.problems)
    }
}

/// Lock holders live on the collected server, not here: a PID cannot be checked away from it,
/// so every holder counts as alive and no lock is called stale.
struct RemoteProcesses: ProcessProbe {
    func isAlive(_ pid: Int32) -> Bool { true }
}

/// Reads every host directory of DEST, two at a time per core, keeping only summaries.
enum FleetReader {
    /// The host directories of `dest` (hidden ones, such as the playbook's `.incoming`, skipped), sorted.
    static func hostDirectories(_ dest: ServerRoot) -> [String]? {
        dest.list("/").map { $0.filter { !$0.hasPrefix(".") && dest.isDirectory("/" + $0) }.sorted() }
    }

    /// Analyses each host, in parallel; the result is in name order.
    static func read(_ dest: ServerRoot, names: [String]) -> [FleetMember] {
        let slots = Slots(count: names.count)
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            slots.set(i, FleetMember.analyse(name: names[i], root: ServerRoot(dest.hostPath("/" + names[i]))))
        }
        return slots.values
    }

    /// One slot per server, each written by exactly one iteration (raw memory: no Swift property
    /// whose exclusive access the threads would contend for).
    private final class Slots: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<FleetMember?>
        private let count: Int

        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: max(1, count))
            slots.initialize(repeating: nil, count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        func set(_ i: Int, _ m: FleetMember) { slots[i] = m }
        var values: [FleetMember] { (0..<count).map { slots[$0]! } }
    }
}
