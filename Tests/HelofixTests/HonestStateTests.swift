import Foundation
import ServerFixtures
import Testing
import TestSupport

/// What the state directory holds is reported as it is: an interrupted transaction comes first in
/// `inspect` (text, JSON, `--check`), and a user who cannot read the state directory is told so
/// instead of "no transactions yet" or "nothing to do".
@Suite struct HonestStateTests {
    static func interruptedTree() throws -> (CLIRoot, String) {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        let apply = try root.helofix(["apply", "remove-domain", "shop.example.com", "--yes", "--reason", "test", "--no-dns"])
        #expect(apply.status == 0, "\(apply.stderr)")
        let id = try #require(apply.stdout.split(separator: " ").first { $0.hasPrefix("20") && $0.count == 20 }.map(String.init))
        // As if the process had died before the commit marker reached the disk.
        try FileManager.default.removeItem(atPath: root.path + "/var/lib/helofix/transactions/\(id).commit")
        return (root, id)
    }

    @Test func inspectShowsAnInterruptedTransactionFirst() throws {
        let (root, id) = try Self.interruptedTree()
        defer { root.remove() }
        let text = try root.helofix(["inspect", "--no-dns"])
        #expect(text.stdout.hasPrefix("interrupted transaction \(id) (remove-domain"), "\(text.stdout.prefix(300))")
        let json = try root.helofix(["inspect", "--no-dns", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((document["interrupted"] as? [String])?.first?.hasPrefix("interrupted transaction \(id)") == true, "\(json.stdout.prefix(300))")
        let check = try root.helofix(["inspect", "--no-dns", "--check"])
        #expect(check.status == 1 && check.stdout.hasPrefix("HELOFIX WARNING - interrupted transaction \(id)"), "\(check.stdout)")
    }

    @Test func aUserWhoCannotReadTheStateDirectoryIsToldSo() throws {
        try Prerequisite.require("/usr/bin/setpriv")
        let (root, _) = try Self.interruptedTree()
        defer { root.remove() }
        // Everything readable but helofix's own 0700 state directory.
        _ = try ProcessRunner.run(["/bin/chmod", "-R", "o+rX", root.path])
        chmod(root.path + "/var/lib/helofix", 0o700)
        let history = try HelofixBinary.run(["history", "--root", root.path], asUser: "nobody")
        #expect(history.status == 1, "\(history.stdout)")
        #expect(history.stderr.contains("/var/lib/helofix/transactions") && history.stderr.contains("run helofix as root"), "\(history.stderr)")
        #expect(!history.stdout.contains("No transactions yet"))
        let recover = try HelofixBinary.run(["recover", "--root", root.path], asUser: "nobody")
        #expect(recover.status != 0 && !recover.stdout.contains("nothing to do"), "\(recover.stdout)\(recover.stderr)")
        #expect(recover.stderr.contains("/var/lib/helofix/transactions"), "\(recover.stderr)")
    }
}
