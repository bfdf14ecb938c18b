import Foundation
import MailServer
import Remedy
import ServerFixtures
import TestSupport

/// A fixture written into a fresh temporary root, with an executor that has a fixed identity and clock.
struct Scenario {
    let root: String
    var serverRoot: ServerRoot { ServerRoot(root) }

    struct FixedTime: TimeSource {
        var date: Date
        func now() -> Date { date }
    }

    static let identity = Identity(user: "root", sudoUser: "alice", loginUID: 1000, sshConnection: "198.51.100.9 50000 192.0.2.10 22")

    init(_ tree: ServerTree) throws {
        root = try tree.writeToTemporaryDirectory(prefix: "helofix-remedy")
        // Real servers have /var/lib; helofix's state goes below it.
        try FileManager.default.createDirectory(atPath: root + "/var/lib", withIntermediateDirectories: true)
    }

    /// A scenario over a root that exists already (a mount point).
    init(existingRoot: String) { root = existingRoot }

    func snapshot() throws -> ServerSnapshot { try SnapshotReader(root: serverRoot).read() }

    func plan(_ request: RemedyRequest, force: Bool = false, hook: StepHook = .none) throws -> Plan {
        try Planner(snapshot: snapshot(), root: serverRoot, hook: hook).plan(request, force: force)
    }

    /// An executor whose platform commands go to `runner` (a recorder: nothing is ever run from the tree).
    func executor(lockWait: Double = 0.5, time: Date = Date(timeIntervalSince1970: 1_800_000_000),
                  retention: RetentionPolicy = .standard, runner: (any CommandRunner)? = RecordingCommandRunner(),
                  hook: StepHook = .none) -> TransactionExecutor {
        TransactionExecutor(root: serverRoot, identity: Self.identity, clock: FixedTime(date: time), runner: runner,
                            lockWait: lockWait, retention: retention, hook: hook)
    }

    func read(_ path: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: root + path))).map { String(decoding: $0, as: UTF8.self) }
    }

    func stat(_ path: String) -> (uid: UInt32, gid: UInt32, mode: UInt32)? {
        var st = Glibc.stat()
        guard lstat(root + path, &st) == 0 else { return nil }
        return (st.st_uid, st.st_gid, UInt32(st.st_mode) & 0o7777)
    }

    func tree() -> TreeState { TreeState.capture(root) }

    func auditLines() -> [String] {
        (read("/var/lib/helofix/audit.log") ?? "").split(separator: "\n").map(String.init)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

extension RemedyError {
    /// The error a throwing closure raised, if it is a RemedyError.
    static func from(_ body: () throws -> Void) -> RemedyError? {
        do { try body(); return nil } catch let e as RemedyError { return e } catch { return RemedyError(.failed, "\(error)") }
    }
}
