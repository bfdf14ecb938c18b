import Foundation
import MailServer
import Remedy
import ServerFixtures
import Testing
import TestSupport

/// Nothing a transaction does leaves the server root: not through a journal planted in a copied
/// tree that names `/../x`, not through a symbolic link on an ancestor directory (`ROOT/var ->
/// elsewhere`), whether the link is there when planning or appears between plan and apply.
@Suite struct ConfinementTests {
    /// A directory beside the root with a file a rogue journal or link would reach.
    struct Outside {
        let path: String
        init() throws {
            path = NSTemporaryDirectory() + "helofix-outside-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: path + "/named", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: path + "/lib", withIntermediateDirectories: true)
            try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: path + "/victim"))
            try Data("zone outside\n".utf8).write(to: URL(fileURLWithPath: path + "/named/shop.example.com.db"))
        }
        func tree() -> TreeState { TreeState.capture(path, excluding: []) }
        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    /// The path of `outside/victim` as seen from the server root, climbing out with `..`.
    func climb(from root: String, to target: String) -> String {
        let depth = root.split(separator: "/").count
        return String(repeating: "/..", count: depth) + target
    }

    @Test func journalNamingAPathOutsideTheRootIsRefusedAsCorrupt() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let outside = try Outside()
        defer { outside.remove() }
        let record = try s.executor().apply(s.plan(.removeDomain("shop.example.com")), reason: "")
        // Turn it into an "interrupted" transaction whose deleted file is the victim outside.
        let journalPath = s.root + "/var/lib/helofix/transactions/\(record.id).journal"
        let journal = try String(contentsOfFile: journalPath, encoding: .utf8)
        let crafted = journal.replacingOccurrences(of: "\"/etc/valiases/shop.example.com\"",
                                                   with: "\"\(climb(from: s.root, to: outside.path + "/victim"))\"")
        #expect(crafted != journal)
        try Data(crafted.utf8).write(to: URL(fileURLWithPath: journalPath))
        try FileManager.default.removeItem(atPath: s.root + "/var/lib/helofix/transactions/\(record.id).commit")
        let outsideBefore = outside.tree()
        let rootBefore = s.tree()

        let error = try #require(RemedyError.from { _ = try TransactionRecovery(root: s.serverRoot, clock: Scenario.FixedTime(date: Date()), runner: nil).run() })
        #expect(error.kind == .unsafeTarget && error.message.contains("is corrupt") && error.message.contains(record.id), "\(error.message)")
        #expect(outside.tree() == outsideBefore, "a crafted journal reached outside the root")
        #expect(s.tree() == rootBefore)
        // Rolling it back or listing it does not use it either.
        #expect(TransactionHistory(root: s.serverRoot).find(record.id) == nil)
        #expect(RemedyError.from { _ = try Rollback(root: s.serverRoot).plan(record.id) } != nil)
        #expect(outside.tree() == outsideBefore)
    }

    /// The planner refuses the same paths the journal check refuses: one component rule for both.
    @Test func pathsAreCheckedComponentByComponent() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let context = PlanningContext(snapshot: try s.snapshot(), root: s.serverRoot, force: false)
        for bad in ["etc/localdomains", "/etc/../../x", "/etc/./localdomains", "/etc//localdomains", "/etc/x\u{0}y", "/"] {
            #expect(throws: RemedyError.self, "\(bad)") { _ = try context.current(bad) }
        }
        #expect(throws: Never.self) { _ = try context.current("/etc/valiases/shop.example.com") }
    }

    @Test func symlinkedAncestorIsRefusedWhenPlanning() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let outside = try Outside()
        defer { outside.remove() }
        try FileManager.default.removeItem(atPath: s.root + "/var")
        try FileManager.default.createSymbolicLink(atPath: s.root + "/var", withDestinationPath: outside.path)
        let before = outside.tree()
        let error = RemedyError.from { _ = try s.executor().apply(s.plan(.removeDomain("shop.example.com")), reason: "") }
        #expect(error?.kind == .unsafeTarget && error?.message.contains("/var is a symbolic link") == true, "\(String(describing: error))")
        #expect(outside.tree() == before, "wrote or deleted outside the root through ROOT/var")
    }

    @Test func symlinkedAncestorAppearingAfterThePlanIsRefused() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let outside = try Outside()
        defer { outside.remove() }
        let plan = try s.plan(.removeDomain("shop.example.com"))
        #expect(plan.files.contains { $0.path == "/var/named/shop.example.com.db" })
        // Between plan and apply, /var becomes a link to a look-alike directory outside.
        try FileManager.default.removeItem(atPath: s.root + "/var")
        try FileManager.default.createSymbolicLink(atPath: s.root + "/var", withDestinationPath: outside.path)
        let before = outside.tree()
        let rootBefore = s.tree()
        let error = RemedyError.from { try s.executor().apply(plan, reason: "") }
        #expect(error?.message.contains("/var is a symbolic link") == true, "\(String(describing: error))")
        #expect(outside.tree() == before, "wrote or deleted outside the root through ROOT/var")
        #expect(s.tree() == rootBefore)
    }

    @Test func symlinkedEtcSubdirectoryIsNotFollowedForADelete() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let outside = try Outside()
        defer { outside.remove() }
        let plan = try s.plan(.removeDomain("shop.example.com"))
        // /etc/valiases replaced by a link to a directory holding a file of the same name.
        try Data("outside alias\n".utf8).write(to: URL(fileURLWithPath: outside.path + "/shop.example.com"))
        try FileManager.default.removeItem(atPath: s.root + "/etc/valiases")
        try FileManager.default.createSymbolicLink(atPath: s.root + "/etc/valiases", withDestinationPath: outside.path)
        let before = outside.tree()
        let error = RemedyError.from { try s.executor().apply(plan, reason: "") }
        #expect(error?.kind == .unsafeTarget, "\(String(describing: error))")
        #expect(outside.tree() == before)
    }
}
