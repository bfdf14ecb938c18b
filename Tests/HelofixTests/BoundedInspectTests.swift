import Foundation
import Testing
import ServerFixtures
import TestSupport

/// Inputs that could make `inspect` (and the monitoring check) hang or work without end finish
/// with a clear word instead: a FIFO where the mail log should be, a 300 KB host name (it took 11 s when wrapping was quadratic).
@Suite struct BoundedInspectTests {
    @Test(.timeLimit(.minutes(2))) func fifoLogNeverBlocks() throws {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        try FileManager.default.createDirectory(atPath: root.path + "/var/log", withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: root.path + "/var/log/exim_mainlog")
        #expect(mkfifo(root.path + "/var/log/exim_mainlog", 0o644) == 0)
        // Nobody ever writes to the FIFO: an open() without O_NONBLOCK would wait forever.
        let plain = try root.helofix(["inspect"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let check = try root.helofix(["inspect", "--check"])
        #expect(check.stdout.hasPrefix("HELOFIX "), "\(check.stdout)\(check.stderr)")
        let given = try root.helofix(["inspect", "--log", root.path + "/var/log/exim_mainlog"])
        #expect(given.status == 2 && given.stderr.contains("is not a regular file"), "\(given.stderr)")
    }

    @Test(.timeLimit(.minutes(2))) func hugeHostnameIsLaidOutInOnePass() throws {
        var tree = Fixtures.migratedCPanel
        let name = String(repeating: "a", count: 300_000)
        tree.file("/etc/hostname", name + "\n")
        let root = try CLIRoot(tree)
        defer { root.remove() }
        let run = try root.helofix(["inspect"])
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 }, "a line is wider than the report")
        #expect(lines.contains { $0.hasSuffix(String(repeating: "a", count: 40)) })
    }
}
