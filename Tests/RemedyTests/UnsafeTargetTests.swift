import Foundation
import MailServer
import Remedy
import ServerFixtures
import TestSupport
import Testing
import TestSupport

/// Targets a rename would break, or that someone protected, are refused explicitly and nothing is
/// written (docs/changes.md, rule 7); so are a read-only root and a full disk.
@Suite(.serialized) struct UnsafeTargetTests {
    func attempt(_ s: Scenario, _ request: RemedyRequest = .removeDomain("shop.example.com")) -> RemedyError? {
        RemedyError.from { try s.executor().apply(s.plan(request), reason: "") }
    }

    @Test func symlinkIsRefused() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        try FileManager.default.moveItem(atPath: s.root + "/etc/localdomains", toPath: s.root + "/etc/localdomains.real")
        symlink("localdomains.real", s.root + "/etc/localdomains")
        let before = s.tree()
        let error = try #require(attempt(s))
        #expect(error.kind == .unsafeTarget && error.message.contains("/etc/localdomains is a symbolic link"))
        #expect(s.tree() == before)
    }

    @Test func hardLinkedFileIsRefused() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        link(s.root + "/etc/localdomains", s.root + "/root-copy-of-localdomains")
        let before = s.tree()
        let error = try #require(attempt(s))
        #expect(error.kind == .unsafeTarget && error.message.contains("2 hard links"))
        #expect(s.tree() == before)
    }

    @Test func nonRegularFileIsRefused() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        unlink(s.root + "/etc/mailhelo")
        mkfifo(s.root + "/etc/mailhelo", 0o640)
        let before = s.tree()
        let error = try #require(attempt(s, .setGreeting(key: "*", name: "mail.hostco.example")))
        #expect(error.kind == .unsafeTarget && error.message.contains("not a regular file (a named pipe)"))
        #expect(s.tree() == before)
    }

    @Test func immutableFileIsRefused() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { _ = try? run("/usr/bin/chattr", ["-i", s.root + "/etc/localdomains"]); s.remove() }
        try Prerequisite.capability("chattr +i on the test file system", try run("/usr/bin/chattr", ["+i", s.root + "/etc/localdomains"]) == 0)
        let before = s.tree()
        let error = try #require(attempt(s))
        #expect(error.kind == .unsafeTarget && error.message.contains("immutable (chattr +i)"))
        #expect(s.tree() == before)
    }

    @Test func immutableFileChangedAfterPlanningIsRefusedAtApply() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { _ = try? run("/usr/bin/chattr", ["-a", s.root + "/etc/mailhelo"]); s.remove() }
        let plan = try s.plan(.removeDomain("shop.example.com"))
        try Prerequisite.capability("chattr +a on the test file system", try run("/usr/bin/chattr", ["+a", s.root + "/etc/mailhelo"]) == 0)
        let before = s.tree()
        let error = RemedyError.from { try s.executor().apply(plan, reason: "") }
        #expect(error?.message.contains("append-only") == true)
        #expect(s.tree() == before)
    }

    @Test func readOnlyRootIsRefused() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let mount = s.root + "-ro"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        defer { _ = try? run("/bin/umount", [mount]); rmdir(mount) }
        try Prerequisite.capability("bind mounts (run the tests as root)", try run("/bin/mount", ["--bind", s.root, mount]) == 0 && run("/bin/mount", ["-o", "remount,bind,ro", mount]) == 0)
        let ro = Scenario(existingRoot: mount)
        let before = s.tree()
        let error = try #require(RemedyError.from { try ro.executor().apply(ro.plan(.removeDomain("shop.example.com")), reason: "") })
        #expect(error.message.contains("read-only"), "\(error.message)")
        #expect(!error.message.contains("\n"))
        #expect(s.tree() == before)
    }

    @Test func fullDiskIsRefused() throws {
        let base = FileManager.default.temporaryDirectory.path + "/helofix-full-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        defer { _ = try? run("/bin/umount", [base]); rmdir(base) }
        try Prerequisite.capability("tmpfs mounts (run the tests as root)", try run("/bin/mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", base]) == 0)
        try Fixtures.migratedCPanel.write(to: base)
        try FileManager.default.createDirectory(atPath: base + "/var/lib", withIntermediateDirectories: true)
        // Fill the file system, leaving a few blocks.
        _ = try run("/bin/dd", ["if=/dev/zero", "of=\(base)/filler", "bs=4k", "count=2000"])
        let s = Scenario(existingRoot: base)
        let before = s.tree()
        let error = try #require(attempt(s))
        #expect(error.message.contains("free") || error.message.contains("disk is full"), "\(error.message)")
        #expect(s.tree() == before)
        #expect(!FileManager.default.fileExists(atPath: base + "/var/lib/helofix"), "not even the state directory is created")
    }

    /// A file bind-mounted over the target cannot be replaced by rename (EBUSY): refused, all undone.
    @Test func bindMountedFileIsRefused() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let source = s.root + "/mnt-source-mailhelo"
        try Data("shop.example.com: shop.example.com\n*: server1.hostco.example\n".utf8).write(to: URL(fileURLWithPath: source))
        try Prerequisite.capability("bind mounts (run the tests as root)", try run("/bin/mount", ["--bind", source, s.root + "/etc/mailhelo"]) == 0)
        defer { _ = try? run("/bin/umount", [s.root + "/etc/mailhelo"]) }
        let before = s.tree()
        let error = try #require(attempt(s))
        #expect(error.message.contains("cannot replace /etc/mailhelo") && error.message.contains("bind-mounted"), "\(error.message)")
        #expect(error.message.contains("every file was put back"))
        #expect(s.tree().differences(from: before) == [])
    }

    @discardableResult
    func run(_ program: String, _ arguments: [String]) throws -> Int32 {
        try ProcessRunner.run([program] + arguments).status
    }
}
