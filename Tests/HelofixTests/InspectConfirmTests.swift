import Foundation
import Testing
import TestSupport

/// `inspect --confirm`: each refused sender in the log is replayed through real Exim with the
/// server's configuration; a sender whitelisted since is "fixed since" with Exim's 250, one still
/// refused stays critical with Exim's 550. A missing exim4 fails these tests (CI installs it).
@Suite(.serialized) struct InspectConfirmTests {
    static let log = [
        "2026-11-20 09:00:00 H=(example.com) [203.0.113.10] rejected EHLO or HELO example.com: Bad HELO - Host impersonating domain name [example.com]",
        "2026-11-20 09:00:00 H=(example.com) [203.0.113.10] rejected EHLO or HELO example.com: Bad HELO - Host impersonating domain name [example.com]",
        "2026-11-20 09:10:00 H=(example.com) [198.51.100.7] rejected EHLO or HELO example.com: Bad HELO - Host impersonating domain name [example.com]",
        "2026-11-20 09:10:00 H=(example.com) [198.51.100.7] rejected EHLO or HELO example.com: Bad HELO - Host impersonating domain name [example.com]",
    ].joined(separator: "\n") + "\n"

    static func findings(_ json: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try #require(object?["findings"] as? [[String: Any]])
    }

    static func finding(_ all: [[String: Any]], ip: String) -> [String: Any]? {
        all.first { f in
            (f["rule"] as? String)?.hasPrefix("rejected-helo") == true
                && (f["subjects"] as? [[String: Any]])?.contains { ($0["value"] as? String) == ip || ($0["text"] as? String) == ip } == true
        }
    }

    @Test func whitelistedSinceIsAcceptedNowAndTheOtherStillRefused() throws {
        try #require(FileManager.default.isExecutableFile(atPath: EximSession.exim), "exim4 must be installed (apt-get install exim4-daemon-light)")
        let server = try ReplicaServer(EximReplica(.directAdmin4543), extra: [
            "/var/log/exim/mainlog": Self.log,
            "/etc/virtual/whitelist_hosts_ip": "203.0.113.10\n",
        ])
        defer { server.remove() }
        let r = try server.root.helofix(["inspect", "--confirm", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let all = try Self.findings(r.stdout)
        let fixed = try #require(Self.finding(all, ip: "203.0.113.10"), "\(r.stdout)")
        let exim = try #require(fixed["exim"] as? [String: Any])
        #expect(exim["verdict"] as? String == "accepted")
        #expect((exim["reply"] as? String)?.hasPrefix("250") == true)
        #expect(fixed["severity"] as? String == "info")
        #expect((fixed["title"] as? String)?.hasPrefix("Fixed since") == true)

        let refused = try #require(Self.finding(all, ip: "198.51.100.7"))
        let verdict = try #require(refused["exim"] as? [String: Any])
        #expect(verdict["verdict"] as? String == "refused")
        #expect(verdict["reply"] as? String == "550 Bad HELO - Host impersonating domain name [example.com]")
        #expect(refused["severity"] as? String == "critical")

        // Without --confirm nothing is replayed: no verdicts, both critical.
        let plain = try Self.findings(try server.root.helofix(["inspect", "--format", "json"]).stdout)
        #expect(plain.allSatisfy { $0["exim"] == nil })
        #expect(Self.finding(plain, ip: "203.0.113.10")?["severity"] as? String == "critical")
    }

    @Test func textSaysAcceptedNow() throws {
        try #require(FileManager.default.isExecutableFile(atPath: EximSession.exim), "exim4 must be installed (apt-get install exim4-daemon-light)")
        let server = try ReplicaServer(EximReplica(.directAdmin4557), extra: [
            "/var/log/exim/mainlog": Self.log,
            "/etc/virtual/whitelist_hosts_ip": "203.0.113.10\n",
        ])
        defer { server.remove() }
        let r = try server.root.helofix(["inspect", "--confirm", "--exim-config", server.config])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Exim now: accepted now (250"), "\(r.stdout)")
        #expect(r.stdout.contains("Exim now: refused (550 Bad HELO"))
    }

    @Test func aMissingConfigurationIsAClearError() throws {
        let server = try ReplicaServer(EximReplica(.directAdmin4543))
        defer { server.remove() }
        let r = try server.root.helofix(["inspect", "--confirm", "--exim-config", server.root.path + "/nowhere.conf"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--exim-config"), "\(r.stderr)")
    }
}
