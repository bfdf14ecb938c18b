import Diagnosis
import Foundation
import MailServer
import ServerFixtures
import Testing
import TestSupport

/// The real binary in a real terminal (tmux), on fixture servers written to temporary roots.
@Suite struct ConsoleEndToEndTests {
    static var binary: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("helofix").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return dir.appendingPathComponent("helofix").path
    }

    /// Opens the console on a fresh copy of `tree`; `shell` wraps the run so status and tty modes can be read after it.
    static func open(_ tree: ServerTree = Fixtures.migratedCPanel, width: Int = 80, height: Int = 24, term: String = "tmux-256color",
                     env: String = "", arguments: String = "") throws -> (TmuxSession, root: String) {
        let root = try tree.writeToTemporaryDirectory(prefix: "helofix-e2e")
        let run = "env -u NO_COLOR TERM=\(term) LANG=C.UTF-8 HOME=\(shellQuoted(root)) \(env) \(shellQuoted(binary)) --root \(shellQuoted(root)) --no-dns \(arguments)"
        let tmux = try TmuxSession(width: width, height: height, command: exitReporting(run))
        tmux.removeOnClose = [root]
        return (tmux, root)
    }

    /// Runs `command` under sh and prints `helofix-exit=N` after it (tmux reports a dead pane's status late).
    static func exitReporting(_ command: String) -> String {
        "sh -c \(shellQuoted(command + "; echo helofix-exit=$?; sleep 60"))"
    }

    /// The exit status printed by ``exitReporting(_:)``, once it is there.
    static func exitStatus(_ tmux: TmuxSession) -> Int32? {
        let screen = tmux.waitFor(timeout: 5) { $0.contains("helofix-exit=") }.screen
        guard let match = screen.firstMatch(of: #/helofix-exit=([0-9]+)/#) else { return nil }
        return Int32(match.1)
    }

    /// The first frame comes before the server is read ("reading…"); wait for the data.
    static func isLoaded(_ screen: String) -> Bool {
        screen.contains("Whitelisted senders") && !screen.contains("reading")
    }

    @discardableResult
    static func waitForLoaded(_ tmux: TmuxSession) -> (screen: String, ok: Bool) {
        tmux.waitFor(timeout: 10) { isLoaded($0) }
    }

    /// Replaces a file the way panels and editors do: write a temporary copy, then rename it over.
    static func replace(_ path: String, with text: String) throws {
        let temporary = path + ".helofix-test-tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    @Test func opensMovesFiltersAndOpensFindings() throws {
        let (tmux, _) = try Self.open()
        let first = Self.waitForLoaded(tmux)
        #expect(first.ok, "console did not open:\n\(first.screen)")
        #expect(first.screen.contains("Hosted domains (5)") && first.screen.contains("Greeting names"))
        #expect(first.screen.contains("server1.hostco.example") && first.screen.contains("[EDIT]"))
        tmux.send("j", "j")
        #expect(tmux.waitFor(" 3/5 ").ok)
        tmux.send("/")
        tmux.type("shop")
        tmux.send("Enter")
        let filtered = tmux.waitFor("Hosted domains (1/5)")
        #expect(filtered.ok, "\(filtered.screen)")
        #expect(!filtered.screen.contains("alice.example.org"))
        tmux.send("Escape")
        #expect(tmux.waitFor("Hosted domains (5)").ok)
        tmux.send("f")
        #expect(tmux.waitFor("Findings (").ok)
        tmux.send("Escape", "?")
        #expect(tmux.waitFor("Jump to the next finding").ok)
        tmux.send("Escape", "C-l")
        #expect(Self.waitForLoaded(tmux).ok)
    }

    @Test func marksAConflictAndOpensItsDetail() throws {
        let (tmux, _) = try Self.open()
        let screen = tmux.waitFor(timeout: 10) { $0.contains("!!") && Self.isLoaded($0) }
        #expect(screen.ok, "no critical mark:\n\(screen.screen)")
        tmux.send("n", "Enter")
        // Wait for the whole detail screen: a capture can catch the terminal half-way through the redraw.
        let detail = tmux.waitFor { $0.contains("Why") && $0.contains("Evidence") }
        #expect(detail.ok, "\(detail.screen)")
        #expect(detail.screen.contains("Evidence"))
        tmux.send("End")
        let end = tmux.waitFor("Remedies (recommended first)")
        #expect(end.ok, "\(end.screen)")
    }

    @Test func resizeShrinksAndGrowsWithoutLeftovers() throws {
        // Without a mail log nothing but the size changes the screen between the captures.
        var tree = Fixtures.migratedCPanel
        tree.nodes.removeAll { $0.path == "/var/log/exim_mainlog" }
        let (tmux, _) = try Self.open(tree)
        let before = tmux.waitForSettled { Self.isLoaded($0) && $0.contains("no mail log at") }
        #expect(before.ok, "\(before.screen)")
        tmux.resize(width: 100, height: 30)
        let wide = tmux.waitFor { $0.split(separator: "\n").contains { $0.hasPrefix("└") && $0.count == 100 } }
        #expect(wide.ok, "no 100-column layout:\n\(wide.screen)")
        tmux.resize(width: 60, height: 20)
        #expect(tmux.waitFor("this terminal is 60x20.").ok)
        tmux.resize(width: 80, height: 24)
        let back = tmux.waitFor { $0 == before.screen }
        #expect(back.ok, "80x24 after resizing differs from the first frame:\n\(back.screen)")
        tmux.send("C-l")
        #expect(tmux.waitFor { $0 == before.screen }.ok, "Ctrl-L changed the screen")
    }

    @Test func noColorMeansNoColourEscapes() throws {
        let plain = try Self.open(env: "NO_COLOR=1").0
        let coloured = try Self.open().0
        let mono = plain.waitFor(escapes: true) { $0.contains("Whitelisted senders") && $0.contains("198.51.100.7") }
        let colour = coloured.waitFor(escapes: true) { $0.contains("Whitelisted senders") && $0.contains("198.51.100.7") }
        #expect(mono.ok && colour.ok)
        // SGR colour parameters: 30-38, 40-48, 90-97, 100-107 (39 and 49 mean "the default colour").
        func hasColour(_ s: String) -> Bool {
            s.matches(of: #/\x1b\[([0-9;]*)m/#).contains { m in
                m.1.split(separator: ";").contains { p in
                    guard let n = Int(p) else { return false }
                    return (30...38).contains(n) || (40...48).contains(n) || (90...107).contains(n)
                }
            }
        }
        #expect(!hasColour(mono.screen), "colour escapes with NO_COLOR=1")
        #expect(hasColour(colour.screen), "the control run has no colour either: the check proves nothing")
        let reverse = mono.screen.matches(of: #/\x1b\[([0-9;]*)m/#).contains { $0.1.split(separator: ";").contains("7") }
        #expect(reverse, "selection should still be reverse video")
    }

    @Test func externalEditAppearsWithinTwoSeconds() throws {
        let (tmux, root) = try Self.open()
        #expect(tmux.waitFor("Hosted domains (5)").ok)
        let path = root + "/etc/localdomains"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Self.replace(path, with: text + "added.example.net\n")
        let seen = tmux.waitFor(timeout: 2) { $0.contains("added.example.net") && $0.contains("Hosted domains (6)") }
        #expect(seen.ok, "edit not shown within 2 s:\n\(seen.screen)")
        #expect(seen.screen.contains("Hosted domains (6)"))
    }

    @Test func newRejectionShowsInTheLiveStripAndFollowsRotation() throws {
        let (tmux, root) = try Self.open()
        #expect(tmux.waitFor("rejections").ok)
        let log = root + "/var/log/exim_mainlog"
        let line = MailLogs.cpanelRejection(time: "2026-11-29 12:00:00", helo: "live.example.org", ip: "203.0.113.99", port: 50_000, sender: "a@live.example.org")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        handle.seekToEndOfFile()
        handle.write(Data(line.utf8))
        try handle.close()
        let live = tmux.waitFor(timeout: 10) { $0.contains("203.0.113.99 greeted as live.example.org") }
        #expect(live.ok, "\(live.screen)")
        // Rotation: the log is renamed away and a new one started.
        #expect(rename(log, log + ".1") == 0)
        let rotated = MailLogs.cpanelRejection(time: "2026-11-29 12:05:00", helo: "after.example.org", ip: "203.0.113.98", port: 50_001, sender: "b@after.example.org")
        try Data(rotated.utf8).write(to: URL(fileURLWithPath: log))
        let after = tmux.waitFor(timeout: 10) { $0.contains("203.0.113.98 greeted as after.example.org") }
        #expect(after.ok, "rotation not followed:\n\(after.screen)")
    }

    @Test func quitExitsZeroAndRestoresTheTerminal() throws {
        let root = try Fixtures.migratedCPanel.writeToTemporaryDirectory(prefix: "helofix-e2e")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = "env TERM=tmux-256color LANG=C.UTF-8 \(shellQuoted(Self.binary)) --root \(shellQuoted(root)) --no-dns; echo \"exit=$?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo; sleep 30"
        let tmux = try TmuxSession(width: 80, height: 24, command: "sh -c \(shellQuoted(run))")
        #expect(Self.waitForLoaded(tmux).ok)
        tmux.send("q")
        let after = tmux.waitFor("exit=")
        #expect(after.screen.contains("exit=0"), "\(after.screen)")
        #expect(tmux.waitFor("icanon echo").ok, "terminal modes not restored:\n\(tmux.capture())")
        #expect(!tmux.capture().contains("Hosted domains"), "the console's screen was left behind")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let root = try Fixtures.migratedCPanel.writeToTemporaryDirectory(prefix: "helofix-e2e")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let pidFile = root + "/helofix.pid"
        let run = "env TERM=tmux-256color LANG=C.UTF-8 \(shellQuoted(Self.binary)) --root \(shellQuoted(root)) --no-dns </dev/tty & echo $! > \(shellQuoted(pidFile)); wait $!; echo \"exit=$?\"; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo; sleep 30"
        let tmux = try TmuxSession(width: 80, height: 24, command: "sh -c \(shellQuoted(run))")
        #expect(Self.waitForLoaded(tmux).ok)
        let pid = try #require(Int32(String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGTERM) == 0)
        let after = tmux.waitFor("icanon echo")
        #expect(after.ok && after.screen.contains("exit=143"), "\(after.screen)")
        #expect(!after.screen.contains("Hosted domains"))
    }

    @Test(arguments: ["xterm", "xterm-256color", "tmux-256color", "screen", "vt100"])
    func opensUnderEveryCommonTerm(_ term: String) throws {
        let (tmux, _) = try Self.open(term: term)
        let screen = Self.waitForLoaded(tmux)
        #expect(screen.ok, "TERM=\(term):\n\(screen.screen)")
        tmux.send("q")
        #expect(Self.exitStatus(tmux) == 0, "TERM=\(term) did not exit:\n\(tmux.capture())")
    }

    @Test func demoOpensTheConsoleWithDemoInTheHeader() throws {
        // The demo leaves its copy for the admin to look at; here it goes into a directory the test removes.
        let tmp = try ServerTree().writeToTemporaryDirectory(prefix: "helofix-e2e-demo")
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        let tmux = try TmuxSession(width: 80, height: 24, command: Self.exitReporting("env TERM=tmux-256color LANG=C.UTF-8 TMPDIR=\(shellQuoted(tmp)) \(shellQuoted(Self.binary)) demo"))
        let screen = tmux.waitFor(timeout: 10) { $0.contains("[DEMO]") && Self.isLoaded($0) }
        #expect(screen.ok, "\(screen.screen)")
        #expect(screen.screen.contains("shop.example.com"))
        tmux.send("q")
        #expect(Self.exitStatus(tmux) == 0)
    }

    @Test func withoutATerminalItSaysWhatToDo() throws {
        let root = try Fixtures.clean.writeToTemporaryDirectory(prefix: "helofix-e2e")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try ProcessRunner.run([Self.binary, "--root", root], stdin: "")
        let message = run.stderr
        #expect(run.status == 2)
        #expect(message.contains("needs an interactive terminal") && message.contains("helofix inspect"))
    }

    @Test func badRootAndBadThemeFailCleanlyBeforeTheScreenOpens() throws {
        let (tmux, _) = try Self.open(arguments: "--theme no-such-theme")
        #expect(Self.exitStatus(tmux) == 2)
        let screen = tmux.capture(joined: true)
        #expect(screen.contains("no-such-theme.toml") && screen.contains("pass a built-in name"), "\(screen)")
        #expect(!screen.contains("Hosted domains"))
    }
}

extension ConsoleEndToEndTests {
    @Test func unreadableRootEndsTheConsoleWithTheReadersMessage() throws {
        let run = "env TERM=tmux-256color LANG=C.UTF-8 \(shellQuoted(Self.binary)) --root /nonexistent/helofix-root"
        let tmux = try TmuxSession(width: 80, height: 24, command: Self.exitReporting(run))
        #expect(Self.exitStatus(tmux) == 2)
        let screen = tmux.capture(joined: true)
        #expect(screen.contains("helofix: error:") && screen.contains("/nonexistent/helofix-root"), "\(screen)")
        #expect(!screen.contains("Hosted domains"))
    }
}
