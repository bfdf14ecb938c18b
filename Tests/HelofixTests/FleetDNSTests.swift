import Foundation
import Testing
import TestSupport

/// `domain-on-two-servers` when ownership cannot tell the stale copy: a real resolver (dnsmasq on
/// loopback) says where the domain's mail goes, and without DNS the refusal in a log decides.
@Suite("helofix fleet with DNS evidence")
struct FleetDNSTests {
    /// The fixture fleet with an account owning shop.example.com on old too (both sides own it).
    static func bothOwnIt() throws -> TemporaryRoot {
        let dest = try FleetCommandTests.dest()
        try dest.write("/old/etc/userdomains", "alice.example.org: alice\nblog.alice.example.org: alice\nbob.example.net: bob\nshop.example.com: carol\n*: nobody\n")
        try dest.write("/old/var/cpanel/users/carol", "USER=carol\nPLAN=default\nDNS=shop.example.com\n")
        return dest
    }

    static func domainOnTwoServers(_ run: HelofixBinary.Result) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\n\(run.stderr)")
        return (json["fleetFindings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "domain-on-two-servers" }
    }

    @Test func dnsNamesTheServerThatKeepsTheDomain() throws {
        // Public DNS sends shop.example.com's mail to old (192.0.2.10): the copy on new is the stale one,
        // although old's log refuses new's greeting (which alone would make old the stale side).
        let dns = try LoopbackDNS(records: ["--local=/example.com/", "--mx-host=shop.example.com,mx.shop.example.com,10",
                                            "--host-record=mx.shop.example.com,192.0.2.10"])
        defer { dns.stop() }
        let dest = try Self.bothOwnIt()
        defer { dest.remove() }
        let run = try HelofixBinary.run(["fleet", dest.path, "--format", "json", "--resolver", dns.resolver])
        #expect(run.status == 0, "\(run.stderr)")
        let findings = try Self.domainOnTwoServers(run)
        #expect(findings.count == 1, "\(run.stdout)")
        let finding = try #require(findings.first)
        #expect(finding["fixOn"] as? String == "new", "\(finding)")
        #expect((finding["explanation"] as? String)?.contains("public DNS sends its mail to old (MX mx.shop.example.com -> 192.0.2.10)") == true, "\(finding)")
        let evidence = finding["evidence"] as? [[String: Any]] ?? []
        #expect(evidence.contains { ($0["from"] as? [String: Any])?["kind"] as? String == "dns" }, "\(evidence)")
        let remedies = finding["remedies"] as? [[String: Any]] ?? []
        #expect(remedies.first?["plan"] as? String == "helofix plan remove-domain shop.example.com")
        #expect(remedies.first?["server"] as? String == "new")
    }

    @Test func withoutDNSTheLogDecides() throws {
        let dest = try Self.bothOwnIt()
        defer { dest.remove() }
        let run = try HelofixBinary.run(["fleet", dest.path, "--format", "json", "--no-dns"])
        #expect(run.status == 0, "\(run.stderr)")
        let finding = try #require(try Self.domainOnTwoServers(run).first)
        #expect(finding["fixOn"] as? String == "old", "old's log refuses new's greeting as the domain: \(finding)")
        #expect((finding["explanation"] as? String)?.contains("old refuses the greeting shop.example.com") == true, "\(finding)")
        let evidence = finding["evidence"] as? [[String: Any]] ?? []
        #expect(!evidence.contains { ($0["from"] as? [String: Any])?["kind"] as? String == "dns" })
    }
}
