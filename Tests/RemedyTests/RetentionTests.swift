import Foundation
import MailServer
import ProcessLaunch
import Remedy
import ServerFixtures
import Testing

/// Backups are kept by count and age, but never the last good copy nor an unfinished transaction.
@Suite struct RetentionTests {
    @Test func pruningKeepsTheLastGoodCopy() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let old = Date(timeIntervalSince1970: 1_700_000_000)
        let policy = RetentionPolicy(keepCount: 1, keepAge: 5)
        let first = try s.executor(time: old, retention: policy).apply(s.plan(.setGreeting(key: "*", name: "a.hostco.example")), reason: "")
        let second = try s.executor(time: old.addingTimeInterval(10), retention: policy).apply(s.plan(.setGreeting(key: "*", name: "b.hostco.example")), reason: "")
        let third = try s.executor(time: old.addingTimeInterval(20), retention: policy).apply(s.plan(.removeDomain("shop.example.com")), reason: "")
        let ids = TransactionHistory(root: s.serverRoot).list().map(\.id)
        // first touched mailhelo and custom_mailhelo (its only transaction: the last good copy of that flag file);
        // second is superseded for mailhelo by third, and is neither recent nor the last of any file.
        #expect(ids.contains(first.id) && !ids.contains(second.id) && ids.contains(third.id))
        let objects = try FileManager.default.contentsOfDirectory(atPath: s.root + "/var/lib/helofix/backups/objects")
        let manifest = try #require(s.read("/var/lib/helofix/backups/manifest.json"))
        for hash in objects { #expect(manifest.contains(hash)) }
        #expect(!manifest.contains(second.id))
        // The kept transaction can still be rolled back from its backups.
        #expect(throws: Never.self) { _ = try Rollback(root: s.serverRoot).plan(third.id) }
    }
}
