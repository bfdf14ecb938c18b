import Foundation
import MailServer
import Testing
import TestSupport

/// Lines written by the real Exim (`exim4 -bh`) through ACLs that mirror cPanel, DirectAdmin
/// and the Exim wiki recipe, scanned like any log.
@Suite struct LogEximTests {
    static let exim = "/usr/sbin/exim4"

    /// A config whose ACLs word their rejections exactly as the three platforms do.
    static func config(localDomains: String) -> String {
        """
        primary_hostname = server.host.tld
        domainlist local_domains = lsearch;\(localDomains)
        hostlist loopback = <; @[]; 127.0.0.0/8 ; 0.0.0.0 ; ::1
        acl_smtp_helo = acl_helo
        acl_smtp_mail = acl_mail
        begin acl
        acl_helo:
          drop condition = ${if eq{$sender_helo_name}{da.host.tld}{true}{false}}
               message = Bad HELO - Host impersonating hostname [$sender_helo_name]
          drop condition = ${if eq{$sender_helo_name}{da.example.com}{true}{false}}
               message = Bad HELO - Host impersonating domain name [$sender_helo_name]
          drop condition = ${if eq{$sender_helo_name}{wiki.example.com}{true}{false}}
               message = REJECTED - Bad HELO - Host impersonating [$sender_helo_name]
          accept
        acl_mail:
          accept authenticated = *
          accept hosts = : +loopback
          drop condition = ${if match_domain{$sender_helo_name}{+local_domains}{true}{false}}
               message = "REJECTED - Bad HELO - Host impersonating [$sender_helo_name]"
          drop condition = ${if eq{$sender_helo_name}{[$interface_address]}{true}{false}}
               message = "REJECTED - Interface: $interface_address is _my_ address"
          accept

        """
    }

    /// Runs one SMTP session through `exim4 -bh` and returns its `LOG:` lines.
    static func session(conf: String, client: String, helo: String) throws -> [String] {
        let run = try ProcessRunner.run([exim, "-C", conf, "-oMi", "192.0.2.10", "-bh", client],
                                        stdin: "EHLO \(helo)\r\nMAIL FROM:<a@sender.tld>\r\nQUIT\r\n")
        return run.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("LOG: ") }
    }

    @Test func scansWhatRealEximLogs() throws {
        try Prerequisite.require(Self.exim)
        // Exim drops to Debian-exim with -C: the tree must be traversable and the files readable.
        let dir = FileManager.default.temporaryDirectory.path + "/helofix-exim-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir + "/etc", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        chmod(dir, 0o755)
        let local = dir + "/etc/localdomains"
        try #require(FileManager.default.createFile(atPath: local, contents: Data("server.host.tld\nexample.com\n".utf8), attributes: [.posixPermissions: 0o644]))
        let conf = dir + "/exim.conf"
        try #require(FileManager.default.createFile(atPath: conf, contents: Data(Self.config(localDomains: local).utf8), attributes: [.posixPermissions: 0o644]))
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let sessions: [(client: String, helo: String, rule: RejectionRule, expectedHelo: String)] = [
            ("203.0.113.10", "example.com", .cpanelImpersonating, "example.com"),
            ("2001:db8::10", "SERVER.host.tld", .cpanelImpersonating, "server.host.tld"),
            ("203.0.113.11", "[192.0.2.10]", .cpanelInterface, "[192.0.2.10]"),
            ("203.0.113.12", "da.host.tld", .directAdminHostname, "da.host.tld"),
            ("203.0.113.13", "da.example.com", .directAdminDomain, "da.example.com"),
            ("203.0.113.14", "wiki.example.com", .eximWiki, "wiki.example.com"),
        ]
        var lines: [String] = []
        for s in sessions { lines += try Self.session(conf: conf, client: s.client, helo: s.helo) }
        // A greeting nobody objects to is accepted and logs no rejection.
        #expect(try Self.session(conf: conf, client: "203.0.113.20", helo: "ok.example.net").allSatisfy { !$0.contains("rejected") })

        let log = dir + "/mainlog"
        try #require(FileManager.default.createFile(atPath: log, contents: Data((lines.joined(separator: "\n") + "\n").utf8)))
        let report = LogScanner().scan([LogFile(argument: log)])
        #expect(report.rejections == sessions.count, "\(lines)")
        for s in sessions {
            let ip = try #require(IPAddress(s.client))
            let group = report.groups.first { $0.ip == ip }
            #expect(group?.rule == s.rule, "\(s.helo)")
            #expect(group?.helo == s.expectedHelo)
        }
    }
}
