import Foundation
import Testing
import TestSupport

/// Each remedy, on each platform version where it applies, turns real Exim's 550 into 250 on the
/// replica, and its rollback brings the 550 back; where a version cannot be fixed that way, the
/// plan refuses and says why. A missing exim4 fails these tests (CI installs it).
@Suite(.serialized) struct ReplicaRemedyTests {
    struct Case: Sendable, CustomStringConvertible {
        var replica: EximReplica
        var remedy: [String]
        var client: String
        var helo = "example.com"
        var description: String { "\(replica.platform) \(remedy.joined(separator: " ")) for \(client)" }
    }

    static func cpanelNoLD() -> EximReplica {
        var r = EximReplica(.cpanel)
        r.requireHeloNoLD = true
        return r
    }

    static var cases: [Case] {
        var all: [Case] = []
        for replica in [cpanelNoLD(), EximReplica(.directAdmin4543), EximReplica(.directAdmin4557)] {
            for client in ["203.0.113.10", "2001:db8::10"] {
                all.append(Case(replica: replica, remedy: ["whitelist", client, "--reason", "web server greets as the shop"], client: client))
            }
        }
        for replica in [cpanelNoLD()] + EximReplica.Platform.directAdmin.map({ EximReplica($0) }) {
            all.append(Case(replica: replica, remedy: ["remove-domain", "example.com", "--force", "--reason", "moved away"], client: "203.0.113.10"))
        }
        return all
    }

    static func transaction(_ run: HelofixBinary.Run) -> String? {
        run.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("20") && $0.count == 20 }.map(String.init)
    }

    @Test(arguments: cases) func remedyTurns550Into250AndRollbackBack(_ c: Case) throws {
        try #require(FileManager.default.isExecutableFile(atPath: EximSession.exim), "exim4 must be installed (apt-get install exim4-daemon-light)")
        let server = try ReplicaServer(c.replica)
        defer { server.remove() }
        let before = try server.session(c.client, helo: c.helo)
        #expect(before.verdict?.hasPrefix("550") == true, "control: refused before the fix: \(before.replies)")

        let apply = try server.root.helofix(["apply"] + c.remedy + ["--yes"])
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        let after = try server.session(c.client, helo: c.helo)
        #expect(after.accepted, "\(after.replies) \(after.log)")

        let id = try #require(Self.transaction(apply), "\(apply.stdout)")
        let rollback = try server.root.helofix(["rollback", id, "--yes"])
        #expect(rollback.status == 0, "\(rollback.stdout)\(rollback.stderr)")
        let again = try server.session(c.client, helo: c.helo)
        #expect(again.verdict == before.verdict, "rolled back: refused again: \(again.replies)")
    }

    @Test func whitelistOnDirectAdmin44IsRefusedWithTheReason() throws {
        let server = try ReplicaServer(EximReplica(.directAdmin442))
        defer { server.remove() }
        let before = server.root.tree()
        let plan = try server.root.helofix(["apply", "whitelist", "203.0.113.10", "--yes", "--reason", "web server"])
        #expect(plan.status != 0)
        #expect(plan.stderr.contains("no \"accept hosts = +whitelist_hosts_ip\" in acl_check_helo"), "\(plan.stderr)")
        #expect(server.root.tree().differences(from: before) == [])
        // And Exim agrees: an address in whitelist_hosts_ip is still refused on 4.4.
        try Data("203.0.113.10\n".utf8).write(to: URL(fileURLWithPath: server.root.path + "/etc/virtual/whitelist_hosts_ip"))
        #expect(try server.session("203.0.113.10", helo: "example.com").verdict?.hasPrefix("550") == true)
    }

    @Test func directAdminWhitelistWritesTheBareIPv6AboveANameLine() throws {
        let server = try ReplicaServer(EximReplica(.directAdmin4543), extra: ["/etc/virtual/whitelist_hosts_ip": "mx.partner.example\n"])
        defer { server.remove() }
        let apply = try server.root.helofix(["apply", "whitelist", "2001:db8::10", "--yes", "--reason", "partner relay"])
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(server.root.read("/etc/virtual/whitelist_hosts_ip") == "2001:db8::10\nmx.partner.example\n")
        #expect(try server.session("2001:db8::10", helo: "example.com").accepted)
    }
}
