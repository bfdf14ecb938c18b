import Foundation
import MailServer
import Remedy
import ServerFixtures
import Testing
import TestSupport

/// Every remedy, applied then undone, leaves every file outside the state directory as it was:
/// bytes, owner, group, mode and xattrs, including files it deleted and created. Once through a
/// rollback, once through crash recovery (the same restore path). Run as root, with the files
/// owned by other users and groups (cPanel's `user:mail 0640` aliases, `named` zones).
@Suite(.serialized) struct ExactRestoreTests {
    static let mailGroup: UInt32 = getgrnam("mail").map { $0.pointee.gr_gid } ?? 8

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var tree: ServerTree
        var request: RemedyRequest
        var force = false
        /// cPanel always has an /etc/exim.conf for buildeximconf to rebuild.
        var cpanelEximConf = false
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "remove-domain cPanel", tree: Fixtures.migratedCPanel, request: .removeDomain("shop.example.com")),
        Case(name: "remove-domain DirectAdmin", tree: Fixtures.directAdmin, request: .removeDomain("shop.example.net"), force: true),
        Case(name: "set-greeting", tree: Fixtures.migratedCPanel, request: .setGreeting(key: "bob.example.net", name: "mail.bob.example.net")),
        Case(name: "remove-greeting", tree: Fixtures.migratedCPanel, request: .removeGreeting(key: "*")),
        Case(name: "set-greeting DirectAdmin", tree: Fixtures.directAdmin, request: .setGreeting(key: "2001:db8::50", name: "mail.hostco.example")),
        Case(name: "whitelist cPanel", tree: Fixtures.migratedCPanel, request: .whitelist("198.51.100.7"), cpanelEximConf: true),
        Case(name: "whitelist DirectAdmin", tree: Fixtures.directAdmin, request: .whitelist("198.51.100.8")),
        Case(name: "rename-hostname", tree: Fixtures.hostnameCollision, request: .renameHostname("server1.example.com")),
    ]

    /// Gives every file and directory (but the state directory's parents) a non-root owner, the
    /// mail group or another, an unusual mode, and an xattr, so a restore that loses any shows.
    static func disguise(_ root: String) throws {
        var n: UInt32 = 0
        let walker = FileManager.default.enumerator(atPath: root)
        while let rel = walker?.nextObject() as? String {
            let path = root + "/" + rel
            if rel == "var" || rel == "var/lib" || rel.hasPrefix("var/lib/helofix") { continue }
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            n += 1
            let gid = n % 2 == 0 ? mailGroup : 2000 + n
            chown(path, 1000 + n, gid)
            if st.st_mode & S_IFMT == S_IFREG {
                chmod(path, n % 3 == 0 ? 0o600 : 0o640)
                try #require(ExtendedAttributeReader.set(path, "user.helofix-test", Array("label \(n)".utf8)), "user xattrs must work on the test file system")
            }
        }
    }

    /// A recording runner playing the platform commands on the tree (never a program from it).
    static func runner(_ root: String) -> RecordingCommandRunner {
        RecordingCommandRunner(effects: [
            PlatformProgram.cpanelBuildEximConf: RemedyRoundTripTests.buildEximConf(root),
            PlatformProgram.cpanelSetHostname: RemedyRoundTripTests.setHostname(root),
        ])
    }

    @Test(arguments: cases) func applyThenRollbackRestoresEverything(_ c: Case) throws {
        let s = try Scenario(c.tree)
        defer { s.remove() }
        if c.cpanelEximConf { RemedyRoundTripTests.buildEximConf(s.root)([]) }
        try Self.disguise(s.root)
        let before = s.tree()
        let runner = Self.runner(s.root)
        let record = try s.executor(runner: runner).apply(s.plan(c.request, force: c.force), reason: "round trip")
        #expect(s.tree() != before, "\(c): the remedy changed nothing")
        _ = try Rollback(root: s.serverRoot).apply(record.id, executor: s.executor(runner: runner), reason: "undo")
        let diff = s.tree().differences(from: before)
        #expect(diff == [], "\(c): differs after rollback: \(diff.map { "\($0): \(String(describing: before.entries[$0])) -> \(String(describing: s.tree().entries[$0]))" })")
    }

    @Test(arguments: cases) func applyThenCrashRecoveryRestoresEverything(_ c: Case) throws {
        let s = try Scenario(c.tree)
        defer { s.remove() }
        if c.cpanelEximConf { RemedyRoundTripTests.buildEximConf(s.root)([]) }
        try Self.disguise(s.root)
        let before = s.tree()
        let runner = Self.runner(s.root)
        let record = try s.executor(runner: runner).apply(s.plan(c.request, force: c.force), reason: "crash")
        // As if the process died after its last step but before the commit marker reached the disk.
        try FileManager.default.removeItem(atPath: s.root + "/var/lib/helofix/transactions/\(record.id).commit")
        let reports = try TransactionRecovery(root: s.serverRoot, clock: Scenario.FixedTime(date: Date()), runner: runner).run()
        #expect(reports.map(\.id) == [record.id])
        let diff = s.tree().differences(from: before)
        #expect(diff == [], "\(c): differs after recovery: \(diff)")
    }
}
