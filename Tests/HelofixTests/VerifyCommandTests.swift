import Foundation
import ServerFixtures
import Testing
import TestSupport

/// `helofix verify` against real Exim with a DirectAdmin-style HELO-stage rule: the rejection comes
/// at EHLO, and verify reports that stage with Exim's own words.
@Suite struct VerifyCommandTests {
    @Test func reportsARejectionAtHelo() throws {
        try Prerequisite.require("/usr/sbin/exim4")
        var t = ServerTree()
        t.file("/etc/virtual/domains", "da1.hostco.example\nshop.example.net\n", mode: 0o644)
        let root = try CLIRoot(t)
        defer { root.remove() }
        let conf = """
            primary_hostname = da1.hostco.example
            domainlist local_domains = lsearch;\(root.path)/etc/virtual/domains
            acl_smtp_helo = acl_check_helo
            begin acl
            acl_check_helo:
              deny message = Bad HELO - Host impersonating domain name [$sender_helo_name]
                   condition = ${if match_domain{$sender_helo_name}{+local_domains}{true}{false}}
              accept

            """
        try Data(conf.utf8).write(to: URL(fileURLWithPath: root.path + "/exim.conf"))
        let args = ["verify", "--ip", "203.0.113.30", "--exim", "/usr/sbin/exim4", "--config", root.path + "/exim.conf", "--helo"]
        let rejected = try root.helofix(args + ["shop.example.net"])
        #expect(rejected.status == 1)
        #expect(rejected.stdout.hasPrefix("REJECTED: shop.example.net from 203.0.113.30 at EHLO: 550 Bad HELO - Host impersonating domain name [shop.example.net]"), "\(rejected.stdout)")
        let accepted = try root.helofix(args + ["web1.example.org"])
        #expect(accepted.status == 0 && accepted.stdout.hasPrefix("ACCEPTED: web1.example.org from 203.0.113.30 at MAIL FROM: 250"))
        let broken = try root.helofix(["verify", "--ip", "203.0.113.30", "--helo", "x.example", "--exim", "/bin/false"])
        #expect(broken.status == 2 && broken.stderr.contains("gave no SMTP answer"))
    }
}
