import Foundation
import Synchronization
import MailServer
import Remedy
import ServerFixtures
import Testing
import TestSupport

/// A disk that fills between two backups stops the apply before its journal exists: nothing is
/// changed, but the backups it stored already are named by no journal. The next run's clean-up
/// removes exactly those, and never the backups of a run still in progress.
@Suite(.serialized) struct LeftoverCleanupTests {
    /// A small tmpfs holding the migrated cPanel tree (with /var/lib), unmounted by `done`.
    static func smallDisk() throws -> (Scenario, done: () -> Void) {
        let base = FileManager.default.temporaryDirectory.path + "/helofix-fill-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        let done = { _ = try? ProcessRunner.run(["/bin/umount", base]); _ = rmdir(base) }
        do {
            try Prerequisite.capability("tmpfs mounts (run the tests as root)",
                                        try ProcessRunner.run(["/bin/mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", base]).status == 0)
            try Fixtures.migratedCPanel.write(to: base)
            try FileManager.default.createDirectory(atPath: base + "/var/lib", withIntermediateDirectories: true)
        } catch {
            done()
            throw error
        }
        return (Scenario(existingRoot: base), done)
    }

    static func objects(_ s: Scenario) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: s.root + "/var/lib/helofix/backups/objects")) ?? [])
    }

    @Test func backupsOfARunStoppedByAFullDiskAreRemovedByTheNextRun() throws {
        let (s, done) = try Self.smallDisk()
        defer { done() }
        let original = s.tree()
        // A committed transaction first: its backups are named by its journal and must stay.
        try s.executor().apply(s.plan(.setGreeting(key: "*", name: "relay.hostco.example")), reason: "first")
        let kept = Self.objects(s)
        #expect(!kept.isEmpty)
        let before = s.tree()
        let filler = s.root + "/filler"
        // After the first file's backups are stored, the disk fills up (for real: dd until ENOSPC).
        let hook = StepHook { step in
            if step == "checked /etc/mailhelo" { _ = try? ProcessRunner.run(["/bin/dd", "if=/dev/zero", "of=\(filler)", "bs=64k"]) }
        }
        let error = RemedyError.from { try s.executor(hook: hook).apply(s.plan(.removeDomain("shop.example.com")), reason: "fills the disk") }
        #expect(error?.message.contains("No space left") == true, "\(error?.message ?? "applied")")
        #expect(s.tree().differences(from: before) == ["/filler"], "nothing changed but the filler")
        let orphans = Self.objects(s).subtracting(kept)
        #expect(orphans.count == 2, "the run left the before and after of /etc/localdomains, named by no journal: \(orphans)")
        unlink(filler)

        let said = LeftoverCleanup(root: s.serverRoot).run()
        #expect(said == ["removed 2 backups in /var/lib/helofix/backups/objects that no transaction names (left by a run that stopped before writing its journal, such as on a full disk)"], "\(said)")
        #expect(Self.objects(s) == kept, "exactly the orphans went")
        #expect(LeftoverCleanup(root: s.serverRoot).run().isEmpty, "nothing left to clean")
        // The undo of the first transaction still has every backup it needs.
        let first = try #require(TransactionHistory(root: s.serverRoot).list().first)
        _ = try Rollback(root: s.serverRoot).apply(first.id, executor: s.executor(), reason: "undo")
        #expect(s.tree().differences(from: original) == [], "\(s.tree().differences(from: original))")
    }

    /// A clean-up that starts while another run is between its backups and its journal (here: in
    /// the middle of this apply) does nothing, and that run commits with every backup it stored.
    @Test func aRunInProgressKeepsItsBackups() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let root = s.serverRoot
        let said = Mutex<[String]?>(nil)
        let hook = StepHook { step in
            if step == "checked /etc/mailhelo" { said.withLock { $0 = LeftoverCleanup(root: root).run() } }
        }
        let record = try s.executor(hook: hook).apply(s.plan(.removeDomain("shop.example.com")), reason: "cleanup races")
        #expect(said.withLock { $0 } == [], "the clean-up saw a run in progress and removed nothing")
        _ = try Rollback(root: root).apply(record.id, executor: s.executor(), reason: "undo")
        #expect(s.read("/etc/localdomains")?.contains("shop.example.com") == true, "rolled back from backups that were kept")
    }
}
