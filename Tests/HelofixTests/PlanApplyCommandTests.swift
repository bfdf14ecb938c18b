import Foundation
import ProcessLaunch
import ServerFixtures
import Testing
import TestSupport

/// `helofix plan` and `helofix apply` as an admin runs them.
@Suite struct PlanApplyCommandTests {
    @Test func planShowsTheDiffAndWritesNothing() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let before = TreeState.capture(root.path, excluding: [])
        let run = try root.helofix(["plan", "edit-greeting", "bob.example.net", "mail.bob.example.net"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("--- a/etc/mailhelo\n+++ b/etc/mailhelo\n"))
        #expect(run.stdout.contains("+bob.example.net: mail.bob.example.net\n"))
        #expect(run.stdout.contains("--- /dev/null\n+++ b/var/cpanel/custom_mailhelo\n"))
        #expect(TreeState.capture(root.path, excluding: []) == before, "not even the state directory")
    }

    @Test func applyWithoutTerminalNeedsYes() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let before = root.tree()
        let run = try root.helofix(["apply", "remove-domain-traces", "shop.example.com", "--no-dns"])
        #expect(run.status == 1)
        #expect(run.stderr == "helofix: error: not a terminal, so nothing was applied: add --yes to apply without asking\n")
        #expect(root.tree() == before)
    }

    @Test(arguments: [
        (["plan", "rename-hostname", "Bad_Name"], "has capital letters"),
        (["apply", "edit-greeting", "*", "mail.example.com\n*: evil", "--yes"], "contains a control or white-space character"),
        (["apply", "edit-greeting", "bob.example.net:x", "mail.example.com", "--yes"], "contains \":\""),
        (["apply", "whitelist-sender", "10.0.0.0/8", "--yes"], "wider than /16"),
        (["apply", "whitelist-sender", "999.1.1.1", "--yes"], "is not an IP address or CIDR range"),
        (["apply", "remove-domain-traces", "bob.example.net", "--yes", "--no-dns"], "still owned by the account bob"),
    ])
    func badInputIsOneLineAndWritesNothing(_ arguments: [String], _ reason: String) throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let before = root.tree()
        let run = try root.helofix(arguments)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("helofix: error: ") && run.stderr.contains(reason), "\(run.stderr)")
        #expect(run.stderr.filter { $0 == "\n" }.count == 1, "one line")
        #expect(root.tree() == before)
    }

    @Test func wrongArgumentsExitTwo() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        #expect(try root.helofix(["plan", "paint-it-blue"]).status == 2)
        let missing = try root.helofix(["plan", "edit-greeting"])
        #expect(missing.status == 2 && missing.stderr.contains("Missing expected argument '<DOMAIN|IP|*>'"), "\(missing.stderr)")
        let oldMissing = try root.helofix(["plan", "set-greeting", "only-one"])
        #expect(oldMissing.status == 2 && oldMissing.stderr.contains("Missing expected argument '<name>'"), "\(oldMissing.stderr)")
    }

    /// Every remedy an inspection can suggest is a subcommand of `plan` and `apply`, under the
    /// JSON `kind` it has, and `plan --help` lists them.
    @Test func everyJSONRemedyKindIsASubcommand() throws {
        var kinds: Set<String> = []
        for fixture in [Fixtures.migratedCPanel, Fixtures.directAdmin] {
            let root = try CLIRoot(fixture)
            defer { root.remove() }
            let run = try root.helofix(["inspect", "--no-dns", "--format", "json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            for finding in json["findings"] as? [[String: Any]] ?? [] {
                for remedy in finding["remedies"] as? [[String: Any]] ?? [] {
                    if let kind = remedy["kind"] as? String, kind != "advice" { kinds.insert(kind) }
                }
            }
        }
        #expect(kinds.isSuperset(of: ["remove-domain-traces", "whitelist-sender", "edit-greeting"]), "\(kinds)")
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let planHelp = try root.helofix(["plan", "--help"]).stdout
        let applyHelp = try root.helofix(["apply", "--help"]).stdout
        for kind in kinds.union(["rename-hostname"]) {
            #expect(planHelp.contains("  \(kind) "), "plan --help lists \(kind)")
            #expect(applyHelp.contains("  \(kind) "), "apply --help lists \(kind)")
            #expect(try root.helofix(["plan", kind, "--help"]).status == 0)
        }
        for former in ["remove-domain ", "whitelist ", "set-greeting", "remove-greeting"] {
            #expect(!planHelp.contains("  \(former)"), "\(former) stays hidden")
        }
    }

    /// Options may come before the remedy's name, as they could when it was a plain word.
    @Test func optionsBeforeTheRemedyName() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        #expect(try root.helofix(["plan", "whitelist-sender", "10.0.0.0/8"]).status == 1, "wider than /16 needs --force")
        let forced = try root.helofix(["plan", "--force", "whitelist-sender", "10.0.0.0/8"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try HelofixBinary.run(["plan", "--root", root.path, "--force", "whitelist-sender", "10.0.0.0/8"]).status == 0)
    }

    /// The words of the previous release still work, as hidden aliases, for one release.
    @Test func formerRemedyWordsStillWork() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let pairs: [([String], [String])] = [
            (["set-greeting", "bob.example.net", "mail.bob.example.net"], ["edit-greeting", "bob.example.net", "mail.bob.example.net"]),
            (["remove-greeting", "*"], ["edit-greeting", "*"]),
            (["whitelist", "203.0.113.10"], ["whitelist-sender", "203.0.113.10"]),
            (["remove-domain", "shop.example.com", "--no-dns"], ["remove-domain-traces", "shop.example.com", "--no-dns"]),
        ]
        for (former, current) in pairs {
            let old = try root.helofix(["plan"] + former), new = try root.helofix(["plan"] + current)
            #expect(old.status == new.status && old.stdout == new.stdout && old.stderr == new.stderr, "\(former[0])")
        }
        let before = root.tree()
        let refused = try root.helofix(["apply", "remove-domain", "shop.example.com", "--no-dns"])
        #expect(refused.status == 1 && refused.stderr.contains("add --yes"))
        #expect(root.tree() == before)
    }

    @Test func applyHistoryAndRollbackRoundTrip() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let before = root.tree()
        let apply = try root.helofix(["apply", "remove-domain-traces", "shop.example.com", "--yes", "--reason", "moved to new server", "--no-dns"],
                                     environment: ["SUDO_USER": "carol", "SSH_CONNECTION": "198.51.100.9 50000 192.0.2.10 22"])
        #expect(apply.status == 0)
        let history = try root.helofix(["history", "--format", "json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        let entry = try #require(list.first)
        for key in ["id", "time", "who", "remedy", "files", "state"] { #expect(entry[key] != nil, "history JSON has \(key)") }
        #expect(entry["who"] as? String == "carol" && entry["state"] as? String == "committed")
        #expect(entry["remedy"] as? String == "remove-domain-traces shop.example.com")
        #expect((entry["files"] as? [String])?.count == 5)
        let audit = try #require(root.read("/var/lib/helofix/audit.log"))
        #expect(audit.contains("\"sshConnection\":\"198.51.100.9 50000 192.0.2.10 22\"") && audit.contains("moved to new server"))

        let id = try #require(entry["id"] as? String)
        let rollback = try root.helofix(["rollback", id, "--yes"])
        #expect(rollback.status == 0 && rollback.stdout.contains("rolled back \(id) as transaction"))
        #expect(root.tree().differences(from: before) == [])
        let again = try root.helofix(["rollback", id, "--yes"])
        #expect(again.status == 1 && again.stderr.contains("already rolled back"))
        let text = try root.helofix(["history"])
        #expect(text.stdout.contains("rolled-back  remove-domain-traces shop.example.com"))
        #expect(try root.helofix(["rollback", "no-such-id", "--yes"]).stderr.contains("no transaction no-such-id"))
    }

    @Test func verifyRefusesInjectedGreetings() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let run = try root.helofix(["verify", "--ip", "203.0.113.10", "--helo", "example.com\r\nRCPT TO:<x@y>", "--exim", "/usr/sbin/exim4"])
        #expect(run.status == 2 && run.stderr.contains("one word without spaces or control characters"))
        #expect(try root.helofix(["verify", "--ip", "not-an-ip", "--helo", "example.com"]).status == 2)
    }

    /// On a terminal apply asks; "n" applies nothing, "y" applies. `script` gives the child a pty.
    @Test(arguments: [("n", false), ("y", true)])
    func applyAsksOnATerminal(_ answer: String, _ applied: Bool) throws {
        try Prerequisite.require("/usr/bin/script")
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        // stdin stays open until the output ends: script(1) may end the session at end of input.
        let p = try ChildProcess.start(["/usr/bin/script", "-qec", "\(HelofixBinary.url.path) apply edit-greeting '*' --reason test --root \(root.path)", "/dev/null"],
                                       stdin: .pipe, stdout: .pipe, stderr: .toStdout)
        let input = FileHandle(fileDescriptor: p.stdin ?? -1, closeOnDealloc: false)
        let output = FileHandle(fileDescriptor: p.stdout ?? -1, closeOnDealloc: false)
        try input.write(contentsOf: Data("\(answer)\n".utf8))
        let text = String(decoding: output.readDataToEndOfFile(), as: UTF8.self)
        p.wait()
        #expect(text.contains("Apply this change? [y/N]"))
        #expect(root.read("/etc/mailhelo")?.contains("*: server1.hostco.example") == !applied, "\(text)")
        #expect(text.contains(applied ? "applied: transaction" : "nothing was applied"))
    }

    @Test(arguments: [["--lock-wait", "nan"], ["--lock-wait=-1"], ["--lock-wait", "1e9"], ["--reason", "two\nlines"]])
    func badLockWaitOrReasonIsRefusedBeforeAnything(_ option: [String]) throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let before = root.tree()
        let run = try root.helofix(["apply", "remove-domain", "shop.example.com", "--no-dns", "--yes"] + (option[0] == "--reason" ? option : option + ["--reason", "x"]))
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("helofix: error: " + (option[0].split(separator: "=").first ?? "")), "\(run.stderr)")
        #expect(root.tree() == before)
    }

    @Test func applyNeedsAReasonAndHistoryShowsItEscaped() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        let before = root.tree()
        let none = try root.helofix(["apply", "remove-domain", "shop.example.com", "--no-dns", "--yes"])
        #expect(none.status == 1 && none.stderr.contains("--reason"), "\(none.stderr)")
        let blank = try root.helofix(["apply", "remove-domain", "shop.example.com", "--no-dns", "--yes", "--reason", "  "])
        #expect(blank.status == 1)
        #expect(root.tree() == before)
        let apply = try root.helofix(["apply", "remove-domain", "shop.example.com", "--no-dns", "--yes", "--reason", "moved \u{1B}[31mred\u{7}"])
        #expect(apply.status == 0, "\(apply.stderr)")
        let history = try root.helofix(["history"])
        #expect(history.stdout.contains("why: moved \\u{1B}[31mred\\u{7}"), "\(history.stdout)")
        #expect(!history.stdout.contains("\u{1B}"), "a raw escape sequence reached the terminal")
    }
}
