import Foundation
import ProcessLaunch
import ServerFixtures
import Testing
import TestSupport

/// A real `helofix apply` child is stopped at a step (HELOFIX_TEST_PAUSE_AT) and SIGKILLed there;
/// the next start leaves every file all-before (never mixed) and says what it did.
@Suite struct ApplyCrashTests {
    /// The files remove-domain-traces touches on the migrated fixture (5 of them, in journal order).
    static let touched = ["/etc/localdomains", "/etc/mailhelo", "/etc/named.conf", "/etc/valiases/shop.example.com",
                          "/var/named/shop.example.com.db"]

    /// Waits until the process is stopped (state T in /proc/PID/stat); false if it exited or timed out.
    static func waitUntilStopped(_ pid: Int32, timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
            if let close = stat.lastIndex(of: ")") {
                let state = stat[stat.index(close, offsetBy: 2)]
                if state == "T" || state == "t" { return true }
                if state == "Z" { return false }
            }
            usleep(20_000)
        }
        return false
    }

    /// Starts apply paused at `step`, kills it there, and returns the root (with the crash state captured).
    func crash(at step: String) throws -> (CLIRoot, TreeState, TreeState) {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        let before = root.tree()
        let child = try HelofixBinary.start(["apply", "remove-domain-traces", "shop.example.com", "--yes", "--reason", "crash test", "--no-dns", "--root", root.path],
                                            environment: ["HELOFIX_TEST_PAUSE_AT": step])
        let pid = child.process.pid
        let stopped = Self.waitUntilStopped(pid)
        kill(pid, SIGKILL)
        child.process.waitForExit()
        #expect(stopped, "the child never reached \(step): \(String(decoding: child.stderr.readDataToEndOfFile(), as: UTF8.self))")
        return (root, before, root.tree())
    }

    @Test(arguments: ["after-journal", "after-file-1", "after-file-3", "after-file-5", "before-marker"])
    func killedMidTransactionIsRolledBackAtNextStart(_ step: String) throws {
        let (root, before, crashed) = try crash(at: step)
        defer { root.remove() }
        let changed = Self.touched.filter { crashed.entries[$0] != before.entries[$0] }
        switch step {
        case "after-journal": #expect(changed.isEmpty)
        case "after-file-1": #expect(changed == ["/etc/localdomains"], "the crash really left a mixed state")
        case "after-file-3": #expect(changed == Array(Self.touched.prefix(3)))
        default: #expect(changed == Self.touched)
        }
        let history = try root.helofix(["history", "--format", "json"])
        #expect(history.stdout.contains("\"state\" : \"interrupted\""))
        let plan = try root.helofix(["plan", "edit-greeting", "*"])
        #expect(plan.stderr.contains("was interrupted"), "a read-only command warns but does not repair")

        let recover = try root.helofix(["recover"])
        #expect(recover.status == 0)
        #expect(recover.stderr.contains("rolled back interrupted transaction"), "says what it did: \(recover.stderr)")
        #expect(root.tree().differences(from: before) == [], "all-before after recovery")
        #expect(try root.helofix(["history", "--format", "json"]).stdout.contains("\"state\" : \"aborted\""))
        #expect(root.read("/var/lib/helofix/audit.log")?.contains("\"event\":\"recovered\"") == true)
        // No leftovers: neither temp files nor lock files.
        let etc = try FileManager.default.contentsOfDirectory(atPath: root.path + "/etc")
        #expect(!etc.contains { $0.contains(".helofix-") || $0.hasSuffix(".lock") })
    }

    @Test func theNextApplyRecoversFirstThenApplies() throws {
        let (root, _, _) = try crash(at: "after-file-3")
        defer { root.remove() }
        let run = try root.helofix(["apply", "remove-domain-traces", "shop.example.com", "--yes", "--reason", "crash test", "--no-dns"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("rolled back interrupted transaction"))
        #expect(Self.touched.allSatisfy { root.read($0)?.contains("shop.example.com") != true }, "all-after")
    }

    /// A hang-up and a TERM during the commit step wait until the transaction is complete.
    @Test func hangupDuringCommitIsHeldBack() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let child = try HelofixBinary.start(["apply", "remove-domain-traces", "shop.example.com", "--yes", "--reason", "crash test", "--no-dns", "--root", root.path],
                                            environment: ["HELOFIX_TEST_PAUSE_AT": "after-file-2"])
        let pid = child.process.pid
        try #require(Self.waitUntilStopped(pid))
        kill(pid, SIGHUP)
        kill(pid, SIGTERM)
        kill(pid, SIGCONT)
        #expect(child.process.waitForExit().signal != nil, "the held signal is delivered at the end")
        let history = try root.helofix(["history", "--format", "json"])
        #expect(history.stdout.contains("\"state\" : \"committed\""), "\(history.stdout)")
        #expect(Self.touched.allSatisfy { root.read($0)?.contains("shop.example.com") != true })
        #expect(root.read("/var/lib/helofix/audit.log")?.contains("\"event\":\"applied\"") == true)
        let etc = try FileManager.default.contentsOfDirectory(atPath: root.path + "/etc")
        #expect(!etc.contains { $0.hasSuffix(".lock") }, "locks released before the signal")
    }

    /// A transaction whose process is alive (another admin's session) is not "interrupted": recovery leaves it.
    @Test func recoveryLeavesARunningTransactionAlone() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let child = try HelofixBinary.start(["apply", "remove-domain-traces", "shop.example.com", "--yes", "--reason", "crash test", "--no-dns", "--root", root.path],
                                            environment: ["HELOFIX_TEST_PAUSE_AT": "after-file-1"])
        let pid = child.process.pid
        defer { kill(pid, SIGKILL); child.process.waitForExit() }
        try #require(Self.waitUntilStopped(pid))
        // While it works it holds cPanel's two locks: <file>.lock with its PID, and flock on the file.
        #expect(root.read("/etc/localdomains.lock") == "\(pid)\nhelofix\n")
        let probe = try ProcessRunner.run(["/usr/bin/flock", "-n", root.path + "/etc/mailhelo", "true"])
        #expect(probe.status != 0, "flock is held on /etc/mailhelo")
        let during = root.tree()
        let recover = try root.helofix(["recover"])
        #expect(recover.stdout.contains("No interrupted transaction"), "\(recover.stdout)\(recover.stderr)")
        #expect(root.tree() == during)
        #expect(try root.helofix(["history", "--format", "json"]).stdout.contains("\"state\" : \"running\""))
        kill(pid, SIGKILL)
        child.process.waitForExit()
        #expect(try root.helofix(["recover"]).stderr.contains("rolled back interrupted transaction"))
    }
}
