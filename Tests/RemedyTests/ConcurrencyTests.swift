import Foundation
import MailServer
import ProcessLaunch
import Remedy
import ServerFixtures
import Testing

/// Another writer holding cPanel's locks, or a file changed between plan and apply, makes apply
/// refuse with a clear message and write nothing (docs/changes.md, rules 4 and 5).
@Suite struct ConcurrencyTests {
    func sleeper() throws -> ChildProcess {
        try ChildProcess.start(["/bin/sleep", "30"], stdout: .null, stderr: .null)
    }

    @Test func liveLockHolderMakesApplyRefuse() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let holder = try sleeper()
        defer { holder.send(SIGKILL); holder.wait() }
        try Data("\(holder.pid)\n/usr/local/cpanel/scripts/updateuserdomains\n".utf8)
            .write(to: URL(fileURLWithPath: s.root + "/etc/localdomains.lock"))
        let plan = try s.plan(.removeDomain("shop.example.com"))
        let before = s.tree()
        let error = try #require(RemedyError.from { try s.executor(lockWait: 0.3).apply(plan, reason: "") })
        #expect(error.kind == .conflict)
        #expect(error.message.contains("/etc/localdomains is locked by process \(holder.pid) (/usr/local/cpanel/scripts/updateuserdomains)"))
        #expect(s.tree() == before, "nothing written, and the other process's lock file left alone")
        #expect(TransactionHistory(root: s.serverRoot).list().isEmpty)
    }

    @Test func staleLockIsCleared() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let gone = try ChildProcess.start(["/bin/true"], stdout: .null, stderr: .null)
        gone.wait()
        try Data("\(gone.pid)\nold-task\n".utf8).write(to: URL(fileURLWithPath: s.root + "/etc/localdomains.lock"))
        _ = try s.executor().apply(s.plan(.removeDomain("shop.example.com")), reason: "")
        #expect(!FileManager.default.fileExists(atPath: s.root + "/etc/localdomains.lock"))
        #expect(s.read("/etc/localdomains")?.contains("shop.example.com") == false)
    }

    @Test func flockHolderMakesApplyRefuse() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let fd = open(s.root + "/etc/mailhelo", O_RDONLY)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        let before = s.tree()
        let error = try #require(RemedyError.from { try s.executor(lockWait: 0.3).apply(s.plan(.removeDomain("shop.example.com")), reason: "") })
        #expect(error.kind == .conflict && error.message.contains("/etc/mailhelo is flock()ed"))
        #expect(s.tree() == before)
    }

    @Test func fileChangedAfterPlanningMakesApplyRefuse() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let plan = try s.plan(.removeDomain("shop.example.com"))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: s.root + "/etc/localdomains"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("new.example.org\n".utf8))
        try handle.close()
        let before = s.tree()
        let error = try #require(RemedyError.from { try s.executor().apply(plan, reason: "") })
        #expect(error.kind == .conflict)
        #expect(error.message.hasPrefix("/etc/localdomains changed since the plan was made (content, size"))
        #expect(error.message.contains("+new.example.org"), "shows what changed")
        #expect(s.tree() == before)
        #expect(TransactionHistory(root: s.serverRoot).list().isEmpty, "no journal for a refused change")
    }

    @Test func rollbackRefusesWhenFilesChangedSinceUnlessForced() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let record = try s.executor().apply(s.plan(.removeDomain("shop.example.com")), reason: "")
        try Data("server1.hostco.example\nlate.example.org\n".utf8).write(to: URL(fileURLWithPath: s.root + "/etc/localdomains"))
        let error = try #require(RemedyError.from { _ = try Rollback(root: s.serverRoot).plan(record.id) })
        #expect(error.kind == .conflict && error.message.contains("+late.example.org") && error.message.contains("--force"))
        let forced = try Rollback(root: s.serverRoot).apply(record.id, executor: s.executor(), reason: "", force: true)
        #expect(forced.state == .committed)
        #expect(s.read("/etc/localdomains")?.contains("shop.example.com") == true)
    }
}
