import Foundation
import MailServer
import Remedy
import ServerFixtures
import Testing
import TestSupport

/// Each remedy: plan -> apply -> files, owner, mode, backup and audit line -> rollback -> the tree
/// is byte-identical to before (owner and mode included; helofix's own state excluded).
@Suite struct RemedyRoundTripTests {
    static let mailGroup: UInt32 = getgrnam("mail").map { $0.pointee.gr_gid } ?? 8

    @Test func removeDomainRoundTrip() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        chown(s.root + "/etc/localdomains", 0, Self.mailGroup)
        let before = s.tree()
        let original = try #require(s.read("/etc/localdomains"))
        let plan = try s.plan(.removeDomain("shop.example.com"))
        #expect(Set(plan.files.map(\.path)) == ["/etc/localdomains", "/etc/mailhelo", "/etc/named.conf",
                                                "/etc/valiases/shop.example.com", "/var/named/shop.example.com.db"])
        #expect(plan.diff.contains("-shop.example.com\n"))
        #expect(s.tree() == before, "planning must write nothing")

        let record = try s.executor().apply(plan, reason: "moved to the new server")
        #expect(record.state == .committed && record.who == "alice")
        #expect(s.read("/etc/localdomains")?.contains("shop.example.com") == false)
        #expect(s.read("/etc/localdomains")?.contains("bob.example.net") == true)
        #expect(s.read("/etc/valiases/shop.example.com") == nil && s.read("/var/named/shop.example.com.db") == nil)
        #expect(s.read("/etc/named.conf")?.contains("shop.example.com") == false)
        #expect(s.read("/etc/named.conf")?.contains("zone \"bob.example.net\"") == true)
        let st = try #require(s.stat("/etc/localdomains"))
        #expect(st.uid == 0 && st.gid == Self.mailGroup && st.mode == 0o640)
        #expect(s.read("/var/lib/helofix/backups/objects/\(ContentHash.sha256(Array(original.utf8)))") == original)
        let audit = try #require(s.auditLines().last)
        #expect(audit.contains(record.id) && audit.contains("\"sudoUser\":\"alice\"") && audit.contains("moved to the new server")
                && audit.contains("\"event\":\"applied\""))
        #expect(s.stat("/var/lib/helofix")?.mode == 0o700)

        let undo = try Rollback(root: s.serverRoot).apply(record.id, executor: s.executor(), reason: "test")
        #expect(undo.rollbackOf == record.id)
        #expect(s.tree().differences(from: before) == [])
        #expect(TransactionHistory(root: s.serverRoot).find(record.id)?.state == .rolledBack)
        #expect(s.auditLines().last?.contains("\"event\":\"rolled-back\"") == true)
    }

    @Test func setAndRemoveGreetingRoundTrip() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let before = s.tree()
        let plan = try s.plan(.setGreeting(key: "bob.example.net", name: "mail.bob.example.net"))
        #expect(plan.files.map(\.path) == ["/etc/mailhelo", "/var/cpanel/custom_mailhelo"])
        let record = try s.executor().apply(plan, reason: "")
        #expect(s.read("/etc/mailhelo") == "shop.example.com: shop.example.com\nbob.example.net: mail.bob.example.net\n*: server1.hostco.example\n")
        #expect(s.read("/var/cpanel/custom_mailhelo") == "")
        #expect(s.stat("/etc/mailhelo")?.mode == 0o640)
        #expect(try s.snapshot().customMailhelo)

        let removal = try s.executor().apply(s.plan(.removeGreeting(key: "*")), reason: "")
        #expect(s.read("/etc/mailhelo") == "shop.example.com: shop.example.com\nbob.example.net: mail.bob.example.net\n")
        _ = try Rollback(root: s.serverRoot).apply(removal.id, executor: s.executor(), reason: "")
        _ = try Rollback(root: s.serverRoot).apply(record.id, executor: s.executor(), reason: "")
        #expect(s.tree().differences(from: before) == [])
    }

    @Test func directAdminGreetingQuotesIPv6Keys() throws {
        let s = try Scenario(Fixtures.directAdmin)
        defer { s.remove() }
        let plan = try s.plan(.setGreeting(key: "2001:db8::50", name: "mail.hostco.example"))
        _ = try s.executor().apply(plan, reason: "")
        #expect(s.read("/etc/virtual/helo_data") == "192.0.2.50: da1.hostco.example\n\"2001:db8::50\": mail.hostco.example\n")
        #expect(RemedyError.from { _ = try s.plan(.setGreeting(key: "*", name: "mail.hostco.example")) }?.kind == .invalidInput)
    }

    /// What cPanel's buildeximconf does that matters here: pastes the custom ACL into /etc/exim.conf.
    static func buildEximConf(_ root: String) -> @Sendable ([String]) -> Void {
        { _ in
            let acl = (try? String(contentsOfFile: root + WhitelistCatalog.cpanelCustomBeginMail, encoding: .utf8)) ?? ""
            try? Data(("# built\n" + acl).utf8).write(to: URL(fileURLWithPath: root + "/etc/exim.conf"))
        }
    }

    @Test func whitelistCPanelRoundTrip() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let acl = WhitelistCatalog.cpanelCustomBeginMail
        Self.buildEximConf(s.root)([])
        let runner = RecordingCommandRunner(effects: [PlatformProgram.cpanelBuildEximConf: Self.buildEximConf(s.root)])
        let before = s.tree()
        let plan = try s.plan(.whitelist("198.51.100.7"))
        #expect(plan.risk?.contains("spam") == true)
        #expect(plan.commands.map(\.commandLine) == ["/scripts/buildeximconf"])
        let record = try s.executor(runner: runner).apply(plan, reason: "web VPS")
        #expect(runner.calls == [.init(program: "/scripts/buildeximconf", arguments: [])], "the host's own program, never one under the root")
        #expect(s.read(acl) == "accept hosts = <; 198.51.100.7\n")
        #expect(s.read("/etc/exim.conf") == "# built\naccept hosts = <; 198.51.100.7\n")
        #expect(try s.snapshot().whitelist.contains { $0.list == "custom_begin_mail" && $0.bypassesHeloCheck })
        #expect(RemedyError.from { _ = try s.plan(.whitelist("198.51.100.7")) }?.kind == .notApplicable)
        _ = try Rollback(root: s.serverRoot).apply(record.id, executor: s.executor(runner: runner), reason: "")
        #expect(s.tree().differences(from: before) == [])
    }

    /// A platform command that rewrites /etc/exim.conf half-way and then fails: every file,
    /// including the one the command rewrote, is put back from the backup store and named.
    @Test func failedPlatformCommandRestoresWhatItRewrote() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        Self.buildEximConf(s.root)([])
        let root = s.root
        let halfWrite: @Sendable ([String]) -> Void = { _ in try? Data("# half-writ".utf8).write(to: URL(fileURLWithPath: root + "/etc/exim.conf")) }
        let runner = RecordingCommandRunner(failing: [PlatformProgram.cpanelBuildEximConf],
                                            effects: [PlatformProgram.cpanelBuildEximConf: halfWrite])
        let before = s.tree()
        let error = try #require(RemedyError.from { try s.executor(runner: runner).apply(s.plan(.whitelist("198.51.100.7")), reason: "") })
        #expect(error.message.contains("/scripts/buildeximconf failed (exit 1)"))
        #expect(error.message.contains("put /etc/exim.conf back from the backup store"), "\(error.message)")
        #expect(s.tree().differences(from: before) == [])
    }

    @Test func whitelistDirectAdminOnlyWhenTheConfigAcceptsIt() throws {
        let s = try Scenario(Fixtures.directAdmin)
        defer { s.remove() }
        let before = s.tree()
        let record = try s.executor().apply(s.plan(.whitelist("2001:db8:1::/48")), reason: "")
        // A plain host list: the bare IPv6 range (quoted, Exim would take it for a name and never match).
        #expect(s.read("/etc/virtual/whitelist_hosts_ip") == "192.0.2.77\n2001:db8:1::/48\n")
        #expect(s.stat("/etc/virtual/whitelist_hosts_ip")?.mode == 0o600)
        _ = try Rollback(root: s.serverRoot).apply(record.id, executor: s.executor(), reason: "")
        #expect(s.tree().differences(from: before) == [])

        let conf = try #require(s.read("/etc/exim.conf"))
        try Data(conf.replacingOccurrences(of: "+whitelist_hosts_ip", with: "+relay_hosts").utf8).write(to: URL(fileURLWithPath: s.root + "/etc/exim.conf"))
        let refusal = RemedyError.from { _ = try s.plan(.whitelist("198.51.100.25")) }
        #expect(refusal?.message.contains("acl_check_helo") == true)
    }

    /// What cPanel's set_hostname does that matters here: the name into /etc/hostname and wwwacct.conf.
    static func setHostname(_ root: String) -> @Sendable ([String]) -> Void {
        { args in
            let name = args.first ?? ""
            try? Data((name + "\n").utf8).write(to: URL(fileURLWithPath: root + "/etc/hostname"))
            if let conf = try? String(contentsOfFile: root + "/etc/wwwacct.conf", encoding: .utf8) {
                let lines = conf.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasPrefix("HOST ") ? "HOST \(name)" : String($0) }
                try? Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: root + "/etc/wwwacct.conf"))
            }
        }
    }

    @Test func renameHostnameRoundTrip() throws {
        let s = try Scenario(Fixtures.hostnameCollision)
        defer { s.remove() }
        let runner = RecordingCommandRunner(effects: [PlatformProgram.cpanelSetHostname: Self.setHostname(s.root)])
        let before = s.tree()
        let plan = try s.plan(.renameHostname("server1.example.com"))
        #expect(plan.commands.map(\.commandLine) == ["/usr/local/cpanel/bin/set_hostname server1.example.com"])
        let record = try s.executor(runner: runner).apply(plan, reason: "web and mail share a name")
        #expect(s.read("/etc/hostname") == "server1.example.com\n")
        #expect(s.read("/etc/wwwacct.conf")?.contains("HOST server1.example.com") == true)
        #expect(s.auditLines().last?.contains(record.id) == true)
        #expect(record.commands == ["/usr/local/cpanel/bin/set_hostname server1.example.com"])
        // set_hostname rewrites the files itself; helofix backed them up before it ran.
        let journal = try #require(TransactionHistory(root: s.serverRoot).journal(record.id))
        let hostnameBackup = try #require(journal.commandBackups.first { $0.path == "/etc/hostname" })
        #expect(hostnameBackup.beforeHash == ContentHash.sha256(Array("example.com\n".utf8)))
        #expect(s.read("/var/lib/helofix/backups/objects/\(hostnameBackup.beforeHash ?? "")") == "example.com\n")
        #expect(Set(journal.commandBackups.map(\.path)) == ["/etc/hostname", "/etc/wwwacct.conf", "/etc/localdomains", "/etc/mailhelo"])
        _ = try Rollback(root: s.serverRoot).apply(record.id, executor: s.executor(runner: runner), reason: "")
        #expect(runner.calls.map(\.arguments) == [["server1.example.com"], ["example.com"]])
        #expect(s.read("/etc/hostname") == "example.com\n")
        #expect(s.tree().differences(from: before) == [])
    }

    @Test func renameUsesThePlatformTool() throws {
        let da = try Scenario(Fixtures.directAdmin)
        defer { da.remove() }
        #expect(try da.plan(.renameHostname("da2.hostco.example")).commands.first?.program == "/usr/local/directadmin/scripts/hostname.sh")
        // The host's own hostname.sh is looked up (this machine has none): a missing command is an error, not a skip.
        let before = da.tree()
        let error = RemedyError.from { try da.executor(runner: ProcessCommandRunner()).apply(da.plan(.renameHostname("da2.hostco.example")), reason: "") }
        #expect(error?.message.contains("/usr/local/directadmin/scripts/hostname.sh is missing") == true)
        #expect(da.tree() == before)
        #expect(da.read("/var/lib/helofix/audit.log") == nil)
        // Without a runner (any root but /) the command is the admin's step, never run.
        let manual = RemedyError.from { try da.executor(runner: nil).apply(da.plan(.renameHostname("da2.hostco.example")), reason: "") }
        #expect(manual?.message.contains("run on the server: /usr/local/directadmin/scripts/hostname.sh da2.hostco.example") == true)
        #expect(da.tree() == before)
    }

    @Test func removeDomainDirectAdminRoundTrip() throws {
        let s = try Scenario(Fixtures.directAdmin)
        defer { s.remove() }
        let before = s.tree()
        #expect(RemedyError.from { _ = try s.plan(.removeDomain("shop.example.net")) }?.message.contains("owned by the account erin") == true)
        let plan = try s.plan(.removeDomain("shop.example.net"), force: true)
        #expect(Set(plan.files.map(\.path)) == ["/etc/virtual/domains", "/etc/virtual/domainowners", "/etc/virtual/domainips",
                                                "/etc/virtual/shop.example.net/aliases", "/var/named/shop.example.net.db"])
        #expect(plan.removeDirectories.map(\.path) == ["/etc/virtual/shop.example.net"])
        let record = try s.executor().apply(plan, reason: "")
        #expect(s.read("/etc/virtual/domains") == "da1.hostco.example\nerin.example.org\n")
        #expect(!FileManager.default.fileExists(atPath: s.root + "/etc/virtual/shop.example.net"))
        _ = try Rollback(root: s.serverRoot).apply(record.id, executor: s.executor(), reason: "")
        #expect(s.tree().differences(from: before) == [])
    }

    /// Extended attributes (SELinux labels, ACLs live there) survive the replace and the rollback.
    @Test func extendedAttributesArePreserved() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let path = s.root + "/etc/localdomains"
        func python(_ code: String) throws -> String {
            let output = try ProcessCommandRunner().run("/usr/bin/python3", ["-c", code], input: nil)
            return output.stdout + output.stderr
        }
        let set = try python("import os; os.setxattr('\(path)', 'user.helofix', b'kept'); print('ok')")
        try Prerequisite.capability("user xattrs on the test file system", set.hasPrefix("ok"))
        _ = try s.executor().apply(s.plan(.removeDomain("shop.example.com")), reason: "")
        #expect(try python("import os; print(os.getxattr('\(path)', 'user.helofix').decode())") == "kept\n")
    }
}
