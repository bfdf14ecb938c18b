import Console
import Foundation
import ServerFixtures
import Testing
import TestSupport

/// Fixing from the console, end to end: the real binary in tmux on fixture roots, every step on
/// screen, the files checked on disk.
@Suite struct ConsoleFixTests {
    /// Opens `helofix ARGS --root ROOT` in a 100x30 tmux window, through a shell that prints
    /// `exit=STATUS` when it ends (read with ``exitStatus(_:)``).
    static func open(_ root: String, _ arguments: String = "", env: String = "") throws -> TmuxSession {
        let run = "env TERM=tmux-256color LANG=C.UTF-8 HOME=\(shellQuoted(root)) \(env) \(shellQuoted(HelofixBinary.path)) \(arguments) --root \(shellQuoted(root)) --no-dns; echo exit=$?; sleep 60"
        return try TmuxSession(width: 100, height: 30, command: "sh -c \(shellQuoted(run))")
    }

    /// The status the shell printed once helofix ended (`nil` if it has not within 10 s).
    static func exitStatus(_ tmux: TmuxSession) -> Int32? {
        let screen = tmux.waitFor(timeout: 10) { $0.contains("exit=") }.screen
        return screen.firstMatch(of: #/exit=(\d+)/#).flatMap { Int32($0.1) }
    }

    /// Filters the main screen to shop.example.com and walks the fix to its confirmation step.
    static func walkToConfirmation(_ tmux: TmuxSession) {
        // The first frame comes before the server is read ("reading…" in the header): wait for the hostname.
        #expect(tmux.waitFor { $0.contains("Whitelisted senders") && $0.contains("helofix  server1.hostco.example") }.ok)
        tmux.send("/")
        tmux.type("shop.example")
        tmux.send("Enter")
        #expect(tmux.waitFor("Hosted domains (1/5)").ok)
        tmux.send("e")
        let options = tmux.waitFor("What can be done")
        #expect(options.ok, "no options:\n\(options.screen)")
        tmux.send("Enter")
        let form = tmux.waitFor { $0.contains("OK: Remove every trace of shop.example.com") && $0.contains("Domain to remove: shop.example.com") }
        #expect(form.ok, "form:\n\(form.screen)")
        // Validation as you type comes from the Remedy layer.
        tmux.send("C-u")
        tmux.type("shop..example")
        let refused = tmux.waitFor("not a valid fully qualified host name")
        #expect(refused.ok, "no refusal for a bad name:\n\(refused.screen)")
        tmux.send("Enter")
        #expect(tmux.capture().contains("Domain to remove:"), "Enter on a refused value must stay on the form")
        tmux.send("C-u")
        tmux.type("shop.example.com")
        #expect(tmux.waitFor("OK: Remove every trace").ok)
        tmux.send("Enter")
        // One condition per wait: a capture can land in the middle of a frame being drawn.
        let preview = tmux.waitFor { $0.contains("+++ b/etc/localdomains") && $0.contains("-shop.example.com") }
        #expect(preview.ok, "preview:\n\(preview.screen)")
        tmux.send("Enter")
        #expect(tmux.waitFor("Type the domain, shop.example.com").ok)
    }

    @Test func fixesAStaleDomainThenRollsItBackFromTheHistory() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let before = root.tree()
        let tmux = try Self.open(root.path)
        Self.walkToConfirmation(tmux)
        // A wrong name does not apply; nothing is written before the confirmation.
        tmux.type("shop.example.co")
        tmux.send("Enter")
        #expect(tmux.waitFor("exactly to confirm").ok)
        #expect(root.tree() == before, "a file changed before the confirmation")
        #expect(!FileManager.default.fileExists(atPath: root.path + "/var/lib/helofix"))
        tmux.type("m")
        tmux.send("Enter")
        let done = tmux.waitFor(timeout: 10) { $0.contains("The finding is gone") && $0.contains("Applied: transaction") }
        #expect(done.ok, "no result:\n\(done.screen)")
        #expect(root.read("/etc/localdomains")?.contains("shop.example.com") == false)
        #expect(!FileManager.default.fileExists(atPath: root.path + "/etc/valiases/shop.example.com"))
        let objects = (try? FileManager.default.contentsOfDirectory(atPath: root.path + "/var/lib/helofix/backups/objects")) ?? []
        #expect(!objects.isEmpty, "no backup under var/lib/helofix")

        tmux.send("Enter", "H")
        let history = tmux.waitFor("committed  remove-domain-traces shop.example.com")
        #expect(history.ok, "history:\n\(history.screen)")
        tmux.send("Enter")
        let diff = tmux.waitFor { $0.contains("History: diff of") && $0.contains("-shop.example.com") }
        #expect(diff.ok, "diff:\n\(diff.screen)")
        tmux.send("Escape", "r")
        #expect(tmux.waitFor("+shop.example.com").ok, "rollback preview")
        tmux.send("Enter")
        #expect(tmux.waitFor("Press y to apply").ok)
        tmux.send("y")
        let rolled = tmux.waitFor(timeout: 10) { $0.contains("Applied: transaction") && $0.contains("rollback") }
        #expect(rolled.ok, "rollback:\n\(rolled.screen)")
        #expect(root.tree().differences(from: before) == [], "not byte-identical after the rollback")
        tmux.send("Enter")
        #expect(tmux.waitFor("rolled-back  remove-domain-traces shop.example.com").ok)
        tmux.send("Escape")
        #expect(tmux.waitFor { $0.contains("Whitelisted senders") && !$0.contains("History:") }.ok)
        tmux.send("q")
        #expect(Self.exitStatus(tmux) == 0, "\(tmux.capture())")
    }

    @Test func rollbackRefusesWhenAFileChangedSinceAndShowsTheChange() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let applied = try root.helofix(["apply", "--yes", "remove-domain-traces", "shop.example.com", "--reason", "test", "--no-dns"])
        #expect(applied.status == 0, "\(applied.stderr)")
        // Someone adds a domain by hand after the transaction.
        let edited = (root.read("/etc/localdomains") ?? "") + "new.example.net\n"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: root.path + "/etc/localdomains"))
        let after = root.tree()
        let tmux = try Self.open(root.path)
        #expect(tmux.waitFor("Whitelisted senders").ok)
        tmux.send("H")
        #expect(tmux.waitFor("committed  remove-domain-traces shop.example.com").ok)
        tmux.send("r")
        let refused = tmux.waitFor { $0.contains("files changed after transaction") && $0.contains("+new.example.net") }
        #expect(refused.ok, "\(refused.screen)")
        tmux.send("Enter")
        #expect(tmux.waitFor("files changed after transaction").ok, "Enter on a refused rollback must not go on")
        #expect(root.tree() == after, "a refused rollback wrote something")
    }

    /// On a copied tree the rename is the platform tool's job on the server: the wizard offers it,
    /// and its preview says so and offers no confirmation (no program is ever run from the tree).
    @Test func wizardShowsARenameOnACopyAsAStepForTheServer() throws {
        let root = try CLIRoot(Fixtures.hostnameCollision)
        defer { root.remove() }
        let collision = "The hostname example.com is a hosted domain"
        #expect(try root.helofix(["inspect", "--no-dns"]).stdout.contains(collision), "the fixture no longer shows the collision")
        let before = root.tree()
        let tmux = try Self.open(root.path, "wizard")
        let first = tmux.waitFor { $0.contains("Enter options  s skip") && $0.contains("Why") }
        #expect(first.ok, "wizard did not open:\n\(first.screen)")
        // Walk the findings until one offers the rename (skipping the others with s).
        var options = ""
        for _ in 0..<6 {
            tmux.send("Enter")
            options = tmux.waitFor { $0.contains("What can be done") && $0.contains("Enter take it") }.screen
            if options.contains("Rename this server") { break }
            tmux.send("s")
            _ = tmux.waitFor("Enter options  s skip")
        }
        let line = options.split(separator: "\n").first { $0.contains("Rename this server") }
        let number = line.flatMap { $0.firstMatch(of: #/(\d)\. Rename/#) }.map { String($0.1) }
        #expect(number != nil, "no rename option:\n\(options)")
        tmux.send(number ?? "1")
        tmux.send("Enter")
        #expect(tmux.waitFor("New hostname:").ok)
        tmux.type("example.org")
        #expect(tmux.waitFor("is a domain hosted here").ok, "a hosted domain must be refused as the new name")
        tmux.send("C-u")
        tmux.type("server1.example.com")
        #expect(tmux.waitFor("OK: Rename this server from example.com to server1.example.com").ok)
        tmux.send("Enter")
        // A copied tree (any root but /) never runs the platform's tool, and a rename is nothing
        // but that tool: the preview says so, and offers no confirmation that would fail.
        let preview = tmux.waitFor { $0.contains("set_hostname server1.example.com") && $0.contains("nothing to apply here") }
        #expect(preview.ok, "\(preview.screen)")
        #expect(preview.screen.contains("Not run on this copy") && !preview.screen.contains("continue to confirm"), "\(preview.screen)")
        tmux.send("Enter")
        #expect(tmux.waitFor("Nothing to apply on this copy").ok)
        tmux.send("y")
        tmux.send("Escape")
        #expect(tmux.waitFor("New hostname:").ok)
        #expect(root.tree() == before, "nothing is written and nothing is run on a copied tree")
        #expect(try root.helofix(["inspect", "--no-dns"]).stdout.contains(collision))
        tmux.send("Escape", "s")
        let next = tmux.waitFor { $0.contains("Enter options  s skip") || $0.contains("Wizard done") }
        #expect(next.ok, "\(next.screen)")
    }

    @Test func readOnlySessionPressingEveryKeyWritesNothing() throws {
        let path = try Fixtures.migratedCPanel.writeToTemporaryDirectory(prefix: "helofix-ro")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let before = TreeState.capture(path, excluding: [])
        let tmux = try Self.open(path, "--read-only")
        let first = tmux.waitFor { $0.contains("Whitelisted senders") && $0.contains("[READ-ONLY]") && $0.contains("helofix  server1.hostco.example") }
        #expect(first.ok, "\(first.screen)")
        tmux.send("e")
        #expect(tmux.waitFor("read-only: run as root without --read-only to make changes").ok)
        // The wizard explains and previews, but cannot go past the preview.
        // One key at a time: a value is checked off the screen thread, and keys typed while
        // "Checking the value…" shows are ignored (they were meant for a preview not yet shown).
        for key in ["w", "Enter", "Enter", "Enter", "Enter", "Enter", "y"] {
            tmux.send(key)
            _ = tmux.waitFor { !$0.contains("Checking the value") }
            PaneProcess.settle(tmux)
        }
        #expect(tmux.waitFor("read-only: run as root").ok)
        for key in ["Escape", "Escape", "Escape", "Escape", "H", "r", "Escape"] {
            tmux.send(key)
            PaneProcess.settle(tmux)
        }
        let keymap = Keymap.standard
        for action in Action.allCases where action != .quit {
            for key in keymap.bindings[action] ?? [] {
                tmux.send(Self.tmuxName(key))
                PaneProcess.settle(tmux)
            }
        }
        for _ in 0..<4 {
            tmux.send("Escape")
            PaneProcess.settle(tmux)
        }
        tmux.send("q")
        #expect(Self.exitStatus(tmux) == 0, "\(tmux.capture())")
        #expect(TreeState.capture(path, excluding: []) == before, "files changed: \(TreeState.capture(path, excluding: []).differences(from: before))")
        #expect(!FileManager.default.fileExists(atPath: path + "/var/lib/helofix"), "a read-only session created the state directory")
    }

    @Test func verifyWithEximAfterTheFixReplaysTheRejectionThroughRealExim() throws {
        let exim = "/usr/sbin/exim4"
        try Prerequisite.require(exim)
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        // The copy's exim.conf is the cPanel 11.120 replica over the copy's own lists, with
        // "Require remote (domain) HELO" on; the replica leaves the tree readable by Exim's user.
        var replica = EximReplica(.cpanel, hostname: "server1.hostco.example")
        replica.requireHeloNoLD = true
        try replica.install(in: root.path)
        // The control: before the fix the same session is refused.
        let before = try root.helofix(["verify", "--ip", "203.0.113.10", "--helo", "shop.example.com", "--exim", exim,
                                       "--config", root.path + "/etc/exim.conf"])
        #expect(before.status == 1 && before.stdout.contains("REJECTED"), "\(before.stdout)\(before.stderr)")
        let tmux = try Self.open(root.path)
        Self.walkToConfirmation(tmux)
        tmux.type("shop.example.com")
        tmux.send("Enter")
        let done = tmux.waitFor(timeout: 10) { $0.contains("The finding is gone") && $0.contains("v verify with Exim") }
        #expect(done.ok, "\(done.screen)")
        tmux.send("v")
        let verdict = tmux.waitFor(timeout: 10) { $0.contains("by Exim") }
        #expect(verdict.screen.contains("ACCEPTED by Exim: shop.example.com from 203.0.113.10"), "\(verdict.screen)")
    }

    @Test func aUserWhoCannotWriteGetsReadOnlyWithoutAsking() throws {
        let path = try Fixtures.migratedCPanel.writeToTemporaryDirectory(prefix: "helofix-nobody")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Readable by nobody (the fixture's 0640 files would stop the read), writable only by root.
        _ = try ProcessRunner.run(["/bin/chmod", "-R", "o+rX", path])
        let before = TreeState.capture(path, excluding: [])
        let run = "setpriv --reuid=nobody --regid=nogroup --clear-groups env TERM=tmux-256color LANG=C.UTF-8 \(shellQuoted(HelofixBinary.path)) --root \(shellQuoted(path)) --no-dns; echo exit=$?; sleep 60"
        let tmux = try TmuxSession(width: 100, height: 30, command: "sh -c \(shellQuoted(run))")
        let first = tmux.waitFor { $0.contains("[READ-ONLY]") && $0.contains("you cannot write") }
        #expect(first.ok, "\(first.screen)")
        tmux.send("e")
        #expect(tmux.waitFor("read-only: run as root without --read-only to make changes").ok)
        tmux.send("q")
        #expect(Self.exitStatus(tmux) == 0, "\(tmux.capture())")
        #expect(TreeState.capture(path, excluding: []) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "/var/lib/helofix"))
    }

    @Test func hangUpDuringApplyLeavesEveryFileAllBeforeOrAllAfter() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        let expected = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove(); expected.remove() }
        let before = root.tree()
        let cli = try expected.helofix(["apply", "--yes", "remove-domain-traces", "shop.example.com", "--reason", "test", "--no-dns"])
        #expect(cli.status == 0, "\(cli.stderr)")
        let after = expected.tree()
        // Through a shell (as every test here): tmux continues a stopped child of its own, the shell does not.
        let tmux = try Self.open(root.path, env: "HELOFIX_TEST_PAUSE_AT=after-file-1")
        Self.walkToConfirmation(tmux)
        let pid = PaneProcess.helofixChild(of: tmux)
        tmux.type("shop.example.com")
        tmux.send("Enter")
        #expect(pid != nil)
        guard let pid else { return }
        // The executor stops itself between the first and second file; the hang-up lands there.
        #expect(PaneProcess.wait { PaneProcess.processState(pid) == "T" }, "the apply never reached the pause point")
        kill(pid, SIGHUP)
        kill(pid, SIGCONT)
        #expect(Self.exitStatus(tmux) == 129, "expected 128 + SIGHUP:\n\(tmux.capture())")
        let now = root.tree()
        #expect(now == before || now == after, "half-applied: \(now.differences(from: after))")
        #expect(now == after, "the transaction was past its journal, so it must have completed")
        let history = try root.helofix(["history"])
        #expect(history.stdout.contains("committed") && !history.stdout.contains("interrupted"), "\(history.stdout)")
    }

    @Test func demoOpensTheConsoleAndPrintsWhereItsCopyIsAfterwards() throws {
        // The demo leaves its copy for the admin; here it goes into a directory the test removes.
        let tmp = try TemporaryRoot.empty()
        defer { tmp.remove() }
        let run = "env TERM=tmux-256color LANG=C.UTF-8 TMPDIR=\(shellQuoted(tmp.path)) \(shellQuoted(HelofixBinary.path)) demo; echo \"exit=$?\"; sleep 30"
        let tmux = try TmuxSession(width: 100, height: 30, command: "sh -c \(shellQuoted(run))")
        let screen = tmux.waitFor { $0.contains("[DEMO]") && $0.contains("Demo copy at") }
        #expect(screen.ok, "\(screen.screen)")
        let lines = screen.screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix(" helofix ") == true, "something was printed over the console:\n\(screen.screen)")
        tmux.send("q")
        let after = tmux.waitFor("exit=0")
        #expect(after.ok && after.screen.contains("Demo server left at"), "\(after.screen)")
    }

    /// The tmux key name for a console key (`send-keys` without `-l`): the console's own name,
    /// except where tmux spells it differently.
    static func tmuxName(_ key: Key) -> String {
        switch key {
        case .character(";"): "\\;"
        case .pageUp: "PPage"
        case .pageDown: "NPage"
        case .escape: "Escape"
        case .backTab: "BTab"
        case .backspace: "BSpace"
        case .delete: "DC"
        default: key.name
        }
    }
}

extension ConsoleFixTests {
    /// The demo is a copy, so the whitelist's `buildeximconf` is not run there: the preview says so,
    /// the file is written, the result lists the command as a step for the server, and the
    /// history rolls the change back.
    @Test func demoWhitelistsASenderListsTheCommandForTheServerAndRollsBack() throws {
        let run = "env TERM=tmux-256color LANG=C.UTF-8 HOME=/nonexistent \(shellQuoted(HelofixBinary.path)) demo; echo \"exit=$?\"; sleep 60"
        let tmux = try TmuxSession(width: 100, height: 30, command: "sh -c \(shellQuoted(run))")
        let opened = tmux.waitFor(timeout: 20) { $0.contains("Demo copy at") && $0.contains("!! 3 critical") }
        #expect(opened.ok, "\(opened.screen)")
        let demoRoot = opened.screen.firstMatch(of: #/Demo copy at (\S+) /#).map { String($0.1) } ?? "/nonexistent"
        defer { try? FileManager.default.removeItem(atPath: demoRoot) }
        let acl = demoRoot + "/usr/local/cpanel/etc/exim/acls/ACL_MAIL_BLOCK/custom_begin_mail"
        tmux.send("Tab", "Tab", "e")
        let options = tmux.waitFor { $0.contains("What can be done") && $0.contains("Whitelist 198.51.100.7") }
        #expect(options.ok, "\(options.screen)")
        let number = options.screen.split(separator: "\n").first { $0.contains("Whitelist 198.51.100.7") }
            .flatMap { $0.firstMatch(of: #/(\d)\. Whitelist/#) }.map { String($0.1) }
        tmux.send(number ?? "1", "Enter")
        #expect(tmux.waitFor("OK: ").ok)
        tmux.send("Enter")
        let preview = tmux.waitFor { $0.contains("Not run on this copy") && $0.contains("buildeximconf") }
        #expect(preview.ok, "\(preview.screen)")
        #expect(!FileManager.default.fileExists(atPath: acl), "written before the confirmation")
        tmux.send("Enter")
        #expect(tmux.waitFor("Press y to apply").ok)
        tmux.send("y")
        let done = tmux.waitFor(timeout: 20) { $0.contains("Applied: transaction") && $0.contains("Still to do on the server") }
        #expect(done.ok, "\(done.screen)")
        #expect(done.screen.contains("/scripts/buildeximconf"))
        #expect((try? String(contentsOfFile: acl, encoding: .utf8))?.contains("198.51.100.7") == true)
        tmux.send("Enter", "H")
        #expect(tmux.waitFor("committed  whitelist-sender").ok)
        tmux.send("r")
        // Plans are made on the worker: the preview's step shows before its diff does.
        #expect(tmux.waitFor("-accept hosts = <; 198.51.100.7").ok, "no rollback preview:\n\(tmux.capture())")
        tmux.send("Enter")
        #expect(tmux.waitFor("Press y to apply").ok)
        tmux.send("y")
        let rolled = tmux.waitFor(timeout: 20) { $0.contains("Applied: transaction") && $0.contains("rollback") }
        #expect(rolled.ok, "\(rolled.screen)")
        #expect((try? String(contentsOfFile: acl, encoding: .utf8))?.contains("198.51.100.7") != true, "the rollback left the whitelist entry")
        tmux.send("Enter", "Escape", "q")
        #expect(tmux.waitFor("exit=0").ok)
    }
}
