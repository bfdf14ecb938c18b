import Console
import Foundation
import ServerFixtures
import Testing
import TestSupport

/// The console never waits for its background work: the real binary in tmux, with the transaction
/// held at its last step (a debug build's `HELOFIX_TEST_HOLD_AT`) while keys are pressed and drawn.
/// No timings: every wait is for a condition, with a deadline that holds on a loaded machine.
@Suite(.serialized) struct ConsoleNeverWaitsTests {
    @Test func keysAreDrawnWhileAnApplyRunsAndItsResultComesAfterTheCommit() throws {
        let held = try HeldApply()
        defer { held.remove() }
        let (root, after, release) = (held.root, held.after, held.release)
        let tmux = try ConsoleFixTests.open(root.path, env: "HELOFIX_TEST_HOLD_AT=before-marker HELOFIX_TEST_HOLD_UNTIL=\(shellQuoted(release))")
        ConsoleFixTests.walkToConfirmation(tmux)
        tmux.type("shop.example.com")
        tmux.send("Enter")
        let applying = tmux.waitFor(timeout: 20) { $0.contains("do not close") }
        #expect(applying.ok, "no applying step:\n\(applying.screen)")
        // The transaction is held before its commit marker: the screen still answers.
        tmux.send("?")
        let help = tmux.waitFor(timeout: 20) { $0.contains("Help: keys on the fix: ") }
        #expect(help.ok, "help was not drawn while the apply runs:\n\(help.screen)")
        tmux.send("Escape")
        let back = tmux.waitFor(timeout: 20) { $0.contains("do not close") && !$0.contains("Help: keys") }
        #expect(back.ok, "the applying step did not come back:\n\(back.screen)")
        tmux.send("q")
        let refused = tmux.waitFor(timeout: 20) { $0.contains("wait for the result") }
        #expect(refused.ok, "q while applying must be refused politely:\n\(refused.screen)")
        #expect(!tmux.capture().contains("exit="), "the console must not quit during the apply")
        #expect(FileManager.default.createFile(atPath: release, contents: nil))
        let result = tmux.waitFor(timeout: 30) { $0.contains("Applied: transaction") }
        #expect(result.ok, "no result after the commit:\n\(result.screen)")
        // Only a read that started after the commit may answer this.
        let gone = tmux.waitFor(timeout: 30) { $0.contains("The finding is gone") }
        #expect(gone.ok, "the re-read after the commit never answered:\n\(gone.screen)")
        tmux.send("Enter")
        #expect(tmux.waitFor(timeout: 20) { !$0.contains("Applied: transaction") }.ok)
        tmux.send("q")
        #expect(ConsoleFixTests.exitStatus(tmux) == 0, "\(tmux.capture())")
        #expect(root.tree() == after, "\(root.tree().differences(from: after))")
    }

    @Test func aHangUpBeforeTheJournalWaitsForTheTransactionThenExits() throws {
        let held = try HeldApply()
        defer { held.remove() }
        let (root, after, release) = (held.root, held.after, held.release)
        // Held once the locks are taken, before the journal: the transaction's own signal shield
        // is not up yet, so only the console's wait keeps the exit from cutting it short.
        let tmux = try ConsoleFixTests.open(root.path, env: "HELOFIX_TEST_HOLD_AT=locked HELOFIX_TEST_HOLD_UNTIL=\(shellQuoted(release))")
        ConsoleFixTests.walkToConfirmation(tmux)
        let pid = PaneProcess.helofixChild(of: tmux)
        tmux.type("shop.example.com")
        tmux.send("Enter")
        #expect(tmux.waitFor(timeout: 20) { $0.contains("do not close") }.ok, "no applying step:\n\(tmux.capture())")
        #expect(pid != nil)
        guard let pid else { return }
        kill(pid, SIGHUP)
        // The screen's thread has seen the hang-up when it leaves its key poll for the wait on the
        // transaction (a futex); the process must still be alive then.
        let waiting = PaneProcess.wait(timeout: 30) {
            ((try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? "").contains("futex")
        }
        #expect(waiting, "the screen's thread never started waiting for the transaction")
        #expect(kill(pid, 0) == 0, "helofix exited with a transaction still running")
        #expect(!tmux.capture().contains("exit="))
        #expect(FileManager.default.createFile(atPath: release, contents: nil))
        #expect(ConsoleFixTests.exitStatus(tmux) == 129, "expected 128 + SIGHUP:\n\(tmux.capture())")
        #expect(root.tree() == after, "\(root.tree().differences(from: after))")
        let history = try root.helofix(["history"])
        #expect(history.stdout.contains("committed") && !history.stdout.contains("interrupted"), "\(history.stdout)")
    }
}

/// What both tests start from: a copy of the migrated cPanel server for the console, the tree it
/// must end as (the same remedy applied by the CLI on a second copy), and the path whose creation
/// releases the held transaction.
private struct HeldApply {
    let root: CLIRoot
    let after: TreeState
    let release: String
    private let expected: CLIRoot
    private let scratch: TemporaryRoot

    init() throws {
        root = try CLIRoot(Fixtures.migratedCPanel)
        expected = try CLIRoot(Fixtures.migratedCPanel)
        scratch = try TemporaryRoot.empty()
        let cli = try expected.helofix(["apply", "--yes", "remove-domain-traces", "shop.example.com", "--reason", "test", "--no-dns"])
        #expect(cli.status == 0, "\(cli.stderr)")
        after = expected.tree()
        release = scratch.path + "/release"
    }

    func remove() {
        root.remove(); expected.remove(); scratch.remove()
    }
}
