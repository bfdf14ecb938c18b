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
        try rebuildEximConf(root)
        chmod(root.path + "/etc/exim.conf", 0o644)
        return root
    }

    /// The admin's step after a whitelist edit on a copied tree (helofix never runs platform commands
    /// there): what cPanel's buildeximconf does that matters here, pasting custom_begin_mail in.
    static func rebuildEximConf(_ root: CLIRoot) throws {
        let acl = root.path + "/usr/local/cpanel/etc/exim/acls/ACL_MAIL_BLOCK/custom_begin_mail"
        let template = try String(contentsOfFile: root.path + "/etc/exim.conf.template", encoding: .utf8)
        let custom = ((try? String(contentsOfFile: acl, encoding: .utf8)) ?? "").split(separator: "\n").map { "  " + $0 + "\n" }.joined()
        let conf = template.replacingOccurrences(of: "# CUSTOM_BEGIN_MAIL\n", with: custom)
        try Data(conf.utf8).write(to: URL(fileURLWithPath: root.path + "/etc/exim.conf"))
    }

    func verify(_ root: CLIRoot) throws -> HelofixBinary.Run {
        try root.helofix(["verify", "--ip", "203.0.113.10", "--helo", "example.com", "--from", "a@sender.tld",
                          "--exim", Self.exim, "--config", root.path + "/etc/exim.conf"])
    }

    @Test func removeDomainTurnsThe550Into250() throws {
        try Prerequisite.require(Self.exim)
        let root = try Self.root()
        defer { root.remove() }
        let before = try verify(root)
        #expect(before.status == 1)
        #expect(before.stdout.contains("REJECTED: example.com from 203.0.113.10 at MAIL FROM: 550 \"REJECTED - Bad HELO - Host impersonating [example.com]\""))
        #expect(before.stdout.contains("Exim logged: H=(example.com) [203.0.113.10] rejected MAIL <a@sender.tld>"))

        let apply = try root.helofix(["apply", "remove-domain-traces", "example.com", "--yes", "--reason", "moved away", "--no-dns"])
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
        try Prerequisite.require(Self.exim)
        let root = try Self.root()
        defer { root.remove() }
        let before = root.tree()
        #expect(try verify(root).status == 1)
        let apply = try root.helofix(["apply", "whitelist-sender", "203.0.113.10", "--yes", "--reason", "web VPS"])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.contains("Risk: Every message from this sender skips the greeting check"))
        #expect(apply.stdout.contains("Steps to run on the server") && apply.stdout.contains("left to you on the server /scripts/buildeximconf"))
        try Self.rebuildEximConf(root)
        #expect(root.read("/etc/exim.conf")?.contains("  accept hosts = <; 203.0.113.10\n") == true)
        let after = try verify(root)
        #expect(after.status == 0 && after.stdout.hasPrefix("ACCEPTED"), "\(after.stdout)\(after.stderr)")
        // Another sender greeting as example.com is still refused: the exemption is narrow.
        let other = try root.helofix(["verify", "--ip", "203.0.113.11", "--helo", "example.com", "--exim", Self.exim,
                                      "--config", root.path + "/etc/exim.conf"])
        #expect(other.status == 1)

        let id = try #require(apply.stdout.split(separator: " ").first { $0.hasPrefix("20") && $0.count == 20 }.map(String.init))
        #expect(try root.helofix(["rollback", id, "--yes"]).status == 0)
        try Self.rebuildEximConf(root)
        #expect(root.tree().differences(from: before) == [])
        #expect(try verify(root).status == 1)
    }
}
