import Diagnosis
import Foundation
import MailServer
import Testing
import TestSupport

/// DirectAdmin's whitelist_hosts_ip is a plain host list: whether helofix calls an entry effective
/// must be what real Exim does with it on the SpamBlocker 4.5 replica (senders here have no reverse DNS).
@Suite(.serialized) struct PlainHostListAgreementTests {
    struct Case: Sendable, CustomStringConvertible {
        var file: String
        var client: String
        var description: String { "\(file.debugDescription) for \(client)" }
    }

    static let cases: [Case] = [
        Case(file: "203.0.113.10\n", client: "203.0.113.10"),
        Case(file: "   203.0.113.10\n", client: "203.0.113.10"),
        Case(file: "203.0.113.10 # the web server\n", client: "203.0.113.10"),
        Case(file: "# partners\n203.0.113.0/24\n", client: "203.0.113.10"),
        Case(file: "2001:db8::10\n", client: "2001:db8::10"),
        Case(file: "2001:db8::/32\n", client: "2001:db8::10"),
        Case(file: "\"2001:db8::10\"\n", client: "2001:db8::10"),
        Case(file: "203.0.113.10: web server\n", client: "203.0.113.10"),
        Case(file: "mx.partner.example\n203.0.113.10\n", client: "203.0.113.10"),
        Case(file: "\"2001:db8::99\"\n203.0.113.10\n", client: "203.0.113.10"),
        Case(file: "203.0.113.10\nmx.partner.example\n", client: "203.0.113.10"),
    ]

    @Test(arguments: cases) func helofixAgreesWithExim(_ c: Case) throws {
        try #require(FileManager.default.isExecutableFile(atPath: EximSession.exim), "exim4 must be installed (apt-get install exim4-daemon-light)")
        let server = try ReplicaServer(EximReplica(.directAdmin4543), extra: ["/etc/virtual/whitelist_hosts_ip": c.file])
        defer { server.remove() }
        let exim = try server.session(c.client, helo: "example.com")
        let snapshot = try SnapshotReader(root: ServerRoot(server.root.path)).read()
        let ip = try #require(IPAddress(c.client))
        let covering = snapshot.whitelist.filter { $0.list == "whitelist_hosts_ip" && $0.covers(ip) }
        let effective = covering.contains(where: \.bypassesHeloCheck)
        #expect(effective == exim.accepted, "helofix says \(effective ? "exempt" : "not exempt"); Exim answered \(exim.verdict ?? "nothing")")
        #expect(!covering.isEmpty, "the admin's line for \(c.client) is read as an entry")
    }
}
