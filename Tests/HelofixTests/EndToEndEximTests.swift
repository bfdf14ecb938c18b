import Foundation
import ServerFixtures
import Testing
import TestSupport

/// Real Exim (`exim4 -C conf -bh IP`) before and after a remedy: the same session that got the
/// 550 gets 250 once the change is applied.
@Suite(.serialized) struct EndToEndEximTests {
    static let exim = "/usr/sbin/exim4"

    /// A cPanel-like root whose exim.conf mirrors cPanel's MAIL-stage rule and is rebuilt by a
    /// stand-in buildeximconf that pastes custom_begin_mail in, as cPanel's does.
    static func root() throws -> CLIRoot {
        var t = ServerTree()
        t.directory("/usr/local/cpanel/bin")
        t.file("/etc/hostname", "server.host.tld\n")
        t.file("/etc/localdomains", "server.host.tld\nexample.com\n", mode: 0o640)
        t.file("/etc/remotedomains", "")
        let root = try CLIRoot(t)
        // Exim drops to Debian-exim with -C: it must be able to read the list (like cPanel's root:mail 0640).
        if let group = getgrnam("Debian-exim") { chown(root.path + "/etc/localdomains", 0, group.pointee.gr_gid) }
        let template = CPanelLikeEximConfig.text(hostname: "server.host.tld", root: root.path, beforeDenies: "# CUSTOM_BEGIN_MAIL")
        try Data(template.utf8).write(to: URL(fileURLWithPath: root.path + "/etc/exim.conf.template"))
        let acl = root.path + "/usr/local/cpanel/etc/exim/acls/ACL_MAIL_BLOCK/custom_begin_mail"
        try StandInScripts.install("/scripts/buildeximconf", in: root.path, body: """
            awk -v f='\(acl)' '/^# CUSTOM_BEGIN_MAIL$/ { while ((getline l < f) > 0) print "  " l; next } { print }' \
              '\(root.path)/etc/exim.conf.template' > '\(root.path)/etc/exim.conf.new' && mv '\(root.path)/etc/exim.conf.new' '\(root.path)/etc/exim.conf'
            """)
        try ProcessRunner.run([root.path + "/scripts/buildeximconf"])
        chmod(root.path + "/etc/exim.conf", 0o644)
        return root
    }

    func verify(_ root: CLIRoot) throws -> HelofixBinary.Run {
        try root.helofix(["verify", "--ip", "203.0.113.10", "--helo", "example.com", "--from", "a@sender.tld",
                          "--exim", Self.exim, "--config", root.path + "/etc/exim.conf"])
    }

    @Test func removeDomainTurnsThe550Into250() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.exim), "exim4-daemon-light must be installed")
        let root = try Self.root()
        defer { root.remove() }
        let before = try verify(root)
        #expect(before.status == 1)
        #expect(before.stdout.contains("REJECTED: example.com from 203.0.113.10 at MAIL FROM: 550 \"REJECTED - Bad HELO - Host impersonating [example.com]\""))
        #expect(before.stdout.contains("Exim logged: H=(example.com) [203.0.113.10] rejected MAIL <a@sender.tld>"))

        let apply = try root.helofix(["apply", "remove-domain-traces", "example.com", "--yes", "--reason", "moved away"])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(root.read("/etc/localdomains") == "server.host.tld\n")
        let after = try verify(root)
        #expect(after.status == 0, "\(after.stdout)\(after.stderr)")
        #expect(after.stdout.hasPrefix("ACCEPTED: example.com from 203.0.113.10 at MAIL FROM: 250"))

        let id = try #require(apply.stdout.split(separator: " ").first { $0.hasPrefix("20") && $0.count == 20 }.map(String.init))
        #expect(try root.helofix(["rollback", id, "--yes"]).status == 0)
        #expect(try verify(root).status == 1, "rolled back: rejected again")
    }

    @Test func whitelistTurnsThe550Into250() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.exim), "exim4-daemon-light must be installed")
        let root = try Self.root()
        defer { root.remove() }
        let before = root.tree()
        #expect(try verify(root).status == 1)
        let apply = try root.helofix(["apply", "whitelist-sender", "203.0.113.10", "--yes"])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("Risk: Every message from this sender skips the greeting check"))
        #expect(root.read("/etc/exim.conf")?.contains("  accept hosts = <; 203.0.113.10\n") == true)
        let after = try verify(root)
        #expect(after.status == 0 && after.stdout.hasPrefix("ACCEPTED"), "\(after.stdout)\(after.stderr)")
        // Another sender greeting as example.com is still refused: the exemption is narrow.
        let other = try root.helofix(["verify", "--ip", "203.0.113.11", "--helo", "example.com", "--exim", Self.exim,
                                      "--config", root.path + "/etc/exim.conf"])
        #expect(other.status == 1)

        let id = try #require(apply.stdout.split(separator: " ").first { $0.hasPrefix("20") && $0.count == 20 }.map(String.init))
        #expect(try root.helofix(["rollback", id, "--yes"]).status == 0)
        #expect(root.tree().differences(from: before) == [])
        #expect(try verify(root).status == 1)
    }
}
