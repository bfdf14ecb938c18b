import Foundation
import MailServer
import ServerFixtures
import Testing
import TestSupport

/// `inspect` and the console read a server through the one analysis pipeline, so on a server whose
/// rejections are spread over the main log and its rotations (a plain `.1` and a gzipped `.2.gz`)
/// both count the same rejections and the same findings.
@Suite struct ConsoleInspectAgreementTests {
    /// Writes the migrated cPanel server with its log cut in three: the oldest lines gzipped as
    /// `exim_mainlog.2.gz`, the middle ones as `exim_mainlog.1`, the newest left in `exim_mainlog`.
    /// Returns the root and the rejections in each part (oldest first).
    static func rotatedServer() throws -> (root: String, perPart: [Int]) {
        let root = try Fixtures.migratedCPanel.writeToTemporaryDirectory(prefix: "helofix-agree")
        let log = root + "/var/log/exim_mainlog"
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map(String.init)
        let third = lines.count / 3
        let parts = [Array(lines[..<third]), Array(lines[third..<(2 * third)]), Array(lines[(2 * third)...])]
        let location = SourceLocation(file: "/var/log/exim_mainlog", line: 1)
        let perPart = parts.map { $0.filter { RejectionLineParser.parse($0[...], location: location) != nil }.count }
        try Prerequisite.require("gzip")
        let gz = try ProcessRunner.run(["/bin/sh", "-c", "gzip -c > \"$0\"", log + ".2.gz"], stdin: parts[0].joined(separator: "\n") + "\n")
        try #require(gz.status == 0, "gzip: \(gz.stderr)")
        try Data((parts[1].joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: log + ".1"))
        try Data((parts[2].joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: log))
        return (root, perPart)
    }

    @Test(.timeLimit(.minutes(2))) func consoleAndInspectCountTheSameAcrossRotatedLogs() throws {
        let (root, perPart) = try Self.rotatedServer()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Every part holds rejections, so a reader that skipped one would count fewer.
        try #require(perPart.allSatisfy { $0 > 0 }, "each part of the log must hold rejections: \(perPart)")

        let inspect = try HelofixBinary.run(["inspect", "--root", root, "--no-dns", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any], "\(inspect.stderr)")
        let logs = try #require(json["logs"] as? [String: Any])
        let files = try #require(logs["files"] as? [[String: Any]])
        #expect(Set(files.compactMap { $0["path"] as? String })
            == ["/var/log/exim_mainlog.2.gz", "/var/log/exim_mainlog.1", "/var/log/exim_mainlog"])
        let total = try #require(logs["rejections"] as? Int)
        #expect(total == perPart.reduce(0, +), "inspect counted \(total), the parts hold \(perPart)")
        let severities = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String }
        let critical = severities.filter { $0 == "critical" }.count
        let warnings = severities.filter { $0 == "warning" }.count
        #expect(critical > 0)

        let run = "env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 HOME=\(shellQuoted(root)) "
            + "\(shellQuoted(ConsoleEndToEndTests.binary)) --root \(shellQuoted(root)) --no-dns"
        let tmux = try TmuxSession(width: 160, height: 30, command: ConsoleEndToEndTests.exitReporting(run))
        // The header says how many rejections the logs held once the scan caught up, and the counts
        // of critical findings and warnings.
        let header = "!! \(critical) critical  ! \(warnings) warning\(warnings == 1 ? "" : "s")  log: \(total) rejection\(total == 1 ? "" : "s")"
        let screen = tmux.waitFor(timeout: 60) { $0.contains(header) }
        #expect(screen.ok, "expected \"\(header)\" in the console's header:\n\(screen.screen)")
        tmux.send("q")
        #expect(ConsoleEndToEndTests.exitStatus(tmux) == 0)
    }
}
