import Diagnosis
import Foundation
import MailServer
import Testing
import TestSupport

/// relay_hosts is read from its definition in the installed configuration, and what helofix says
/// about a pophosts line agrees with real Exim: on SpamBlocker 4.4 (`net-lsearch`, exact) an address
/// exempts from the local-domain rule and a range does nothing; on 4.5 relay_hosts is empty by
/// default, so pophosts is not consulted at all.
@Suite(.serialized) struct RelayHostsAgreementTests {
    struct Case: Sendable, CustomStringConvertible {
        var platform: EximReplica.Platform
        var pophosts: String
        var description: String { "\(platform) pophosts \(pophosts.debugDescription)" }
    }

    static let cases: [Case] = [
        Case(platform: .directAdmin442, pophosts: "203.0.113.10\n"),
        Case(platform: .directAdmin442, pophosts: "203.0.113.0/24\n"),
        Case(platform: .directAdmin4543, pophosts: "203.0.113.10\n"),
        Case(platform: .directAdmin4557, pophosts: "203.0.113.10\n"),
    ]

    @Test(arguments: cases) func helofixAgreesWithExim(_ c: Case) throws {
        try #require(FileManager.default.isExecutableFile(atPath: EximSession.exim), "exim4 must be installed (apt-get install exim4-daemon-light)")
        let server = try ReplicaServer(EximReplica(c.platform), extra: ["/etc/virtual/pophosts": c.pophosts])
        defer { server.remove() }
        let exim = try server.session("203.0.113.10", helo: "example.com")
        let snapshot = try SnapshotReader(root: ServerRoot(server.root.path)).read()
        let ip = try #require(IPAddress("203.0.113.10"))
        let exempt = snapshot.whitelist.contains { $0.list == "relay_hosts" && $0.covers(ip) && $0.visibleToExim && $0.bypass == .localDomainRuleOnly }
        #expect(exempt == exim.accepted, "helofix: \(exempt ? "exempt" : "not exempt"); Exim: \(exim.verdict ?? "-")")
        // The hostname rule is never lifted by relay_hosts.
        #expect(try server.session("203.0.113.10", helo: "server.host.tld").verdict?.hasPrefix("550") == true)
    }
}
