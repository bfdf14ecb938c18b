import Foundation
import ServerFixtures
import Testing
import TestSupport

/// A real `helofix apply` SIGKILLed after it took its locks and before its journal exists leaves
/// lock files that nothing else names; the next edit command removes exactly those (and says so),
/// and leaves a foreign stale lock and a live process's lock alone.
@Suite struct KilledBeforeJournalTests {
    /// The lock files remove-domain-traces takes on the migrated fixture.
    static let locks = ["/etc/localdomains.lock", "/etc/mailhelo.lock", "/etc/named.conf.lock",
                        "/etc/valiases/shop.example.com.lock", "/var/named/shop.example.com.db.lock"]

    /// Starts apply paused once its locks are taken (no journal yet) and kills it there.
    func killAfterLocking() throws -> (CLIRoot, TreeState, Int32) {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        let before = root.tree()
        let child = try HelofixBinary.start(["apply", "remove-domain-traces", "shop.example.com", "--yes", "--reason", "kill test", "--no-dns", "--root", root.path],
                                            environment: ["HELOFIX_TEST_PAUSE_AT": "locked"])
        let pid = child.process.pid
        let stopped = ApplyCrashTests.waitUntilStopped(pid)
        kill(pid, SIGKILL)
        child.process.waitForExit()
        #expect(stopped, "the child never took its locks: \(String(decoding: child.stderr.readDataToEndOfFile(), as: UTF8.self))")
        return (root, before, pid)
    }

    @Test(arguments: ["recover", "apply"])
    func theNextRunRemovesTheKilledRunsLocks(_ command: String) throws {
        let (root, before, pid) = try killAfterLocking()
        defer { root.remove() }
        for lock in Self.locks {
            #expect(root.read(lock) == "\(pid)\nhelofix\n", "the kill left \(lock) behind")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/var/lib/helofix/transactions").allSatisfy { !$0.hasSuffix(".journal") },
                "killed before its journal")
        // Not ours: cPanel's own stale lock, and a lock a live helofix holds (this test's PID).
        let foreign = "999999\n/usr/local/cpanel/bin/whmapi1\n"
        try Data(foreign.utf8).write(to: URL(fileURLWithPath: root.path + "/etc/remotedomains.lock"))
        let me = getpid()
        try Data("\(me)\nhelofix\n".utf8).write(to: URL(fileURLWithPath: root.path + "/etc/secondarymx.lock"))
        try Data("/etc/secondarymx.lock\n".utf8).write(to: URL(fileURLWithPath: root.path + "/var/lib/helofix/transactions/\(me).locks"))

        let run = command == "recover"
            ? try root.helofix(["recover"])
            : try root.helofix(["apply", "edit-greeting", "*", "relay.hostco.example", "--yes", "--reason", "after the kill"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("removed the stale locks \(Self.locks.joined(separator: ", ")) of helofix process \(pid)"), "says what it cleaned: \(run.stderr)")
        for lock in Self.locks { #expect(root.read(lock) == nil, "\(lock) is still there") }
        #expect(root.read("/etc/remotedomains.lock") == foreign, "a lock helofix did not write stays")
        #expect(root.read("/etc/secondarymx.lock") == "\(me)\nhelofix\n", "a live process's lock stays")
        #expect(root.read("/var/lib/helofix/transactions/\(pid).locks") == nil, "the dead run's lock record is gone")
        if command == "recover" {
            #expect(!run.stdout.contains("nothing to do"))
            #expect(root.tree().differences(from: before).allSatisfy { $0.hasPrefix("/etc/remotedomains.lock") || $0.hasPrefix("/etc/secondarymx.lock") },
                    "\(root.tree().differences(from: before))")
            // Nothing left: a second recover has nothing to say.
            let again = try root.helofix(["recover"])
            #expect(again.stderr.isEmpty && again.stdout.contains("nothing to do"), "\(again.stderr)")
        }
    }
}
