import Foundation
import ServerFixtures
import Testing
import TestSupport

/// A user who cannot read cPanel's `root:mail 0640` lists (run as `nobody`; tests run as root,
/// which ignores permissions) is told the data is incomplete, first, and gets no finding drawn from
/// what is missing: the alias and zone files of a live domain are readable, its userdomains line
/// is not, and it must not be called a migration leftover.
@Suite struct IncompleteDataTests {
    /// The fixture, traversable by anyone, with every file directly in /etc 0640 (as on cPanel).
    static func tree() throws -> TemporaryRoot {
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        _ = try ProcessRunner.run(["/bin/chmod", "-R", "o+rX", root.path])
        _ = try ProcessRunner.run(["/usr/bin/find", root.path + "/etc", "-maxdepth", "1", "-type", "f", "-exec", "/bin/chmod", "0640", "{}", "+"])
        return root
    }

    @Test func inspectSaysIncompleteFirstAndDrawsNoFinding() throws {
        try Prerequisite.require("/usr/bin/setpriv")
        let root = try Self.tree()
        defer { root.remove() }
        let text = try HelofixBinary.run(["inspect", "--no-dns", "--root", root.path], asUser: "nobody")
        #expect(text.stdout.hasPrefix("incomplete: cannot read "), "\(text.stdout.prefix(300))")
        #expect(text.stdout.contains("(run as root)"))
        #expect(!text.stdout.contains("leftover") && !text.stdout.contains("remove-domain"), "\(text.stdout)")

        let json = try HelofixBinary.run(["inspect", "--no-dns", "--format", "json", "--root", root.path], asUser: "nobody")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((document["findings"] as? [Any])?.isEmpty == true, "\(json.stdout.prefix(400))")
        #expect((document["incomplete"] as? String)?.hasPrefix("incomplete: cannot read ") == true)

        let check = try HelofixBinary.run(["inspect", "--no-dns", "--check", "--root", root.path], asUser: "nobody")
        #expect(check.status == 3, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.hasPrefix("HELOFIX UNKNOWN - incomplete: cannot read "), "\(check.stdout)")

        // As root the same tree is complete, and the leftover is found: the test can tell the difference.
        let asRoot = try HelofixBinary.run(["inspect", "--no-dns", "--check", "--root", root.path])
        #expect(asRoot.status != 3, "\(asRoot.stdout)")
    }

    @Test func consoleSaysIncompleteAtTheTopAndOffersNoFix() throws {
        let root = try Self.tree()
        defer { root.remove() }
        let run = "setpriv --reuid=nobody --regid=nogroup --clear-groups env TERM=tmux-256color LANG=C.UTF-8 \(shellQuoted(HelofixBinary.path)) --root \(shellQuoted(root.path)); echo exit=$?; sleep 60"
        let tmux = try TmuxSession(width: 120, height: 30, command: "sh -c \(shellQuoted(run))")
        let first = tmux.waitFor(timeout: 20) { $0.split(separator: "\n").first?.contains("incomplete: cannot read") == true }
        #expect(first.ok, "\(first.screen)")
        tmux.send("e")
        let refused = tmux.waitFor(timeout: 20) { $0.contains("No fix is offered while the data is incomplete") }
        #expect(refused.ok, "\(refused.screen)")
        tmux.send("q")
    }
}
