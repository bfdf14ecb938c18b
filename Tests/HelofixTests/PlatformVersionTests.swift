import Foundation
import Testing
import TestSupport

/// What differs between platform versions is read from the installed configuration, and real Exim
/// on the replicas agrees: SpamBlocker 4.5.57 skips the HELO checks on 587 for authenticated
/// senders, 4.5.43 does not; cPanel's custom_begin_mail helps only while it is built in.
@Suite(.serialized) struct PlatformVersionTests {
    static let log = "2026-11-25 10:00:00 H=(example.com) [203.0.113.10] rejected EHLO or HELO example.com: Bad HELO - Host impersonating domain name [example.com]\n"

    static func remedies(_ server: ReplicaServer) throws -> [String] {
        let r = try server.root.helofix(["inspect", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        return findings.flatMap { ($0["remedies"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String } }
    }

    @Test(arguments: EximReplica.Platform.directAdmin)
    func submissionWithAuthOnlyWhereTheConfigAcceptsIt(_ platform: EximReplica.Platform) throws {
        try #require(FileManager.default.isExecutableFile(atPath: EximSession.exim), "exim4 must be installed (apt-get install exim4-daemon-light)")
        let server = try ReplicaServer(EximReplica(platform), extra: ["/var/log/exim/mainlog": Self.log])
        defer { server.remove() }
        let submission = try server.session("203.0.113.10", helo: "example.com", port: 587, authenticate: true)
        let offered = try Self.remedies(server).contains { $0.contains("port 587 with SMTP AUTH") }
        #expect(submission.accepted == (platform == .directAdmin4557), "\(submission.replies)")
        #expect(offered == submission.accepted, "helofix offers 587+AUTH exactly where Exim accepts it")
        // On port 25 authentication comes after HELO: refused on every version.
        #expect(try server.session("203.0.113.10", helo: "example.com", port: 25).verdict?.hasPrefix("550") == true)
    }

    @Test func cpanelCustomBeginMailHelpsOnlyWhileBuiltIn() throws {
        try #require(FileManager.default.isExecutableFile(atPath: EximSession.exim), "exim4 must be installed (apt-get install exim4-daemon-light)")
        var replica = EximReplica(.cpanel)
        replica.requireHeloNoLD = true
        replica.customBeginMail = false
        let server = try ReplicaServer(replica)
        defer { server.remove() }
        let plan = try server.root.helofix(["apply", "whitelist", "203.0.113.10", "--yes", "--reason", "web server"])
        #expect(plan.status != 0)
        #expect(plan.stderr.contains("acl_custom_begin_mail is 0"), "\(plan.stderr)")
        // Exim agrees: the accept line in the slot does nothing while the slot is not built in.
        let slot = server.root.path + "/usr/local/cpanel/etc/exim/acls/ACL_MAIL_BLOCK/custom_begin_mail"
        try Data("accept hosts = <; 203.0.113.10\n".utf8).write(to: URL(fileURLWithPath: slot))
        #expect(try server.session("203.0.113.10", helo: "example.com").verdict?.hasPrefix("550") == true)
    }
}
