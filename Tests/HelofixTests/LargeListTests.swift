import Foundation
import ServerFixtures
import TestSupport
import Testing

/// A list of hundreds of thousands of lines (a broken sync, a migration that left every domain behind)
/// is reported completely: every domain in the table and in JSON, the orphans as one finding that
/// names every one of them. How long it takes is the benchmark's business (docs/performance.md),
/// not a test's: these check the output only.
@Suite struct LargeListTests {
    static let orphans = 200_000

    /// The clean cPanel server with 200,000 orphan lines added to `/etc/localdomains`.
    static func tree() -> ServerTree {
        let names = (0..<orphans).map { "orphan\($0).example" }
        return Fixtures.clean.with("/etc/localdomains", (["mail.hostco.example", "dave.example.org"] + names).joined(separator: "\n") + "\n")
    }

    @Test func textReportListsEveryDomainAndGroupsTheOrphans() throws {
        let root = try CLIRoot(Self.tree())
        defer { root.remove() }
        let run = try root.helofix(["inspect", "--no-dns"])
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        let counted = run.stdout.contains("Hosted domains (200002)")
        #expect(counted)
        let rows = Set(run.stdout.split(separator: "\n").filter { $0.hasPrefix("  orphan") }.map { $0.split(separator: " ")[0] })
        #expect(rows.count == Self.orphans, "every orphan has its row in the domain table")
        // Wrapped text, read as the words it says.
        let words = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // (Booleans first, so a failure does not print eight megabytes.)
        let titled = words.contains("200,000 domains are local here but no account owns them")
        let named = words.contains("(orphan0.example, orphan1.example, orphan10.example, orphan100.example, orphan1000.example, orphan10000.example, orphan100000.example, orphan100001.example, orphan100002.example, orphan100003.example and 199,990 more)")
        #expect(titled && named, "\(run.stdout.suffix(3000))")
        let findings = run.stdout.components(separatedBy: "[orphan-local-domain]").count - 1
        #expect(findings == 1, "one finding, not 200,000")
        let wide = run.stdout.split(separator: "\n").filter { $0.count > 80 && !$0.hasPrefix("root: ") }
        #expect(wide.isEmpty, "lines over 80 columns: \(wide.prefix(3))")
    }

    @Test func jsonNamesEveryOrphanInTheFindingsSubjects() throws {
        let root = try CLIRoot(Self.tree())
        defer { root.remove() }
        let run = try root.helofix(["inspect", "--no-dns", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((json["domains"] as? [Any])?.count == Self.orphans + 2)
        let findings = try #require(json["findings"] as? [[String: Any]])
        let orphan = findings.filter { $0["rule"] as? String == "orphan-local-domain" }
        #expect(orphan.count == 1)
        let subjects = try #require(orphan.first?["subjects"] as? [[String: Any]])
        let names = Set(subjects.compactMap { $0["value"] as? String })
        #expect(names == Set((0..<Self.orphans).map { "orphan\($0).example" }))
        // The id names ten and counts the rest: short enough for alerts to de-duplicate on.
        #expect((orphan.first?["id"] as? String)?.hasSuffix("orphan100003.example,+199990") == true)
    }
}
