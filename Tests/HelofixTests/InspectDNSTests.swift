import Foundation
import ServerFixtures
import Testing
import TestSupport

/// `helofix inspect` with DNS evidence from a real dnsmasq on loopback: the demo server's
/// shop.example.com has moved to another server; stay.example.net, also owned by no account,
/// still gets its mail here.
@Suite(.serialized) struct InspectDNSTests {
    /// The migrated cPanel server plus a second orphan whose mail still comes here.
    static func root() throws -> CLIRoot {
        let root = try CLIRoot(Fixtures.migratedCPanel)
        let list = try #require(root.read("/etc/localdomains"))
        try Data((list + "stay.example.net\n").utf8).write(to: URL(fileURLWithPath: root.path + "/etc/localdomains"))
        return root
    }

    static let records = [
        "--local=/example.com/", "--local=/example.net/", "--local=/example.org/", "--local=/113.0.203.in-addr.arpa/",
        // shop.example.com moved: its MX is the new host's.
        "--mx-host=shop.example.com,mx.newhost.example.net,10", "--host-record=mx.newhost.example.net,203.0.113.9",
        "--txt-record=shop.example.com,v=spf1 include:newhost.example.net -all",
        // stay.example.net, alice and bob get their mail here (192.0.2.10 is /var/cpanel/mainip, .11 is in /etc/ips).
        "--mx-host=stay.example.net,mail.stay.example.net,10", "--host-record=mail.stay.example.net,192.0.2.10",
        "--mx-host=alice.example.org,mail.alice.example.org,0", "--host-record=mail.alice.example.org,192.0.2.11",
        "--host-record=blog.alice.example.org,192.0.2.10",
        "--mx-host=bob.example.net,server1.hostco.example,0",
        "--ptr-record=10.113.0.203.in-addr.arpa,web.newhost.example.net",
    ]

    static func json(_ run: HelofixBinary.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
    }

    static func findings(_ json: [String: Any], rule: String) -> [[String: Any]] {
        (json["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == rule }
    }

    static func domain(_ json: [String: Any], _ name: String) -> [String: Any]? {
        (json["domains"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    @Test func aMovedDomainIsReportedWithItsMXAndAddress() throws {
        let dns = try LoopbackDNS(records: Self.records)
        defer { dns.stop() }
        let root = try Self.root()
        defer { root.remove() }
        let run = try root.helofix(["inspect", "--resolver", dns.resolver, "--format", "json", "--dns", "all"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try Self.json(run)

        let moved = Self.findings(json, rule: "domain-moved-away")
        #expect(moved.count == 1)
        let finding = try #require(moved.first)
        #expect(finding["severity"] as? String == "critical")
        #expect((finding["subjects"] as? [[String: Any]])?.first?["value"] as? String == "shop.example.com")
        let answers = (finding["evidence"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "dns" }
            .map { "\($0["query"] ?? ""): \($0["answer"] ?? "")" }
        #expect(answers.contains("shop.example.com MX: 10 mx.newhost.example.net"))
        #expect(answers.contains("mx.newhost.example.net A/AAAA: 203.0.113.9"))
        #expect(answers.contains { $0.hasPrefix("shop.example.com local zone:") && $0.contains("stale") })

        let shop = try #require(Self.domain(json, "shop.example.com")?["dns"] as? [String: Any])
        #expect(shop["verdict"] as? String == "elsewhere")
        #expect(shop["addresses"] as? [String] == ["203.0.113.9"])
        #expect((shop["mx"] as? [[String: Any]])?.first?["name"] as? String == "mx.newhost.example.net")
        for here in ["stay.example.net", "alice.example.org", "blog.alice.example.org", "bob.example.net"] {
            let verdict = (Self.domain(json, here)?["dns"] as? [String: Any])?["verdict"] as? String
            #expect(verdict == "here", "\(here): \(verdict ?? "not looked up")")
        }

        // The orphan whose mail still comes here: its removal warns; the moved one's says it is safe.
        let orphans = Self.findings(json, rule: "orphan-local-domain")
        func removalTradeOff(_ domain: String) -> String? {
            let f = orphans.first { ($0["subjects"] as? [[String: Any]])?.first?["value"] as? String == domain }
            return (f?["remedies"] as? [[String: Any]])?.first { $0["kind"] as? String == "remove-domain-traces" }?["tradeOff"] as? String
        }
        #expect(removalTradeOff("stay.example.net")?.hasPrefix("WARNING: DNS says mail for stay.example.net still comes here") == true)
        #expect(removalTradeOff("shop.example.com")?.hasPrefix("Safe to remove here: MX mx.newhost.example.net -> 203.0.113.9") == true)

        let dnsSection = try #require(json["dns"] as? [String: Any])
        #expect(dnsSection["status"] as? String == "consulted")
        let senders = try #require(dnsSection["senders"] as? [[String: Any]])
        #expect(senders.contains { $0["ip"] as? String == "203.0.113.10" && $0["names"] as? [String] == ["web.newhost.example.net"] })
    }

    @Test func byDefaultOnlyTheDomainsOfFindingsAreLookedUp() throws {
        let dns = try LoopbackDNS(records: Self.records)
        defer { dns.stop() }
        let root = try Self.root()
        defer { root.remove() }
        let json = try Self.json(try root.helofix(["inspect", "--resolver", dns.resolver, "--format", "json"]))
        let looked = ((json["dns"] as? [String: Any])?["domains"] as? [[String: Any]] ?? []).compactMap { $0["domain"] as? String }
        #expect(looked == ["shop.example.com", "stay.example.net"])
        #expect(Self.findings(json, rule: "domain-moved-away").count == 1)
        let text = try root.helofix(["inspect", "--resolver", dns.resolver])
        #expect(text.stdout.contains("CRITICAL [domain-moved-away]"))
        #expect(text.stdout.contains("elsewhere MX mx.newhost.example.net -> 203.0.113.9\n"))
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func aResolverThatNeverAnswersIsSaidAndOnlyCostsItsTimeout() throws {
        let silent = try StubDNS(.silent)
        defer { silent.stop() }
        let root = try Self.root()
        defer { root.remove() }
        let started = Date()
        let run = try root.helofix(["inspect", "--resolver", silent.resolver, "--dns-timeout", "1", "--dns-tries", "2", "--format", "json", "--dns", "all"])
        print("inspect with a silent resolver (1 s x 2 tries): \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        #expect(run.status == 0, "\(run.stderr)")
        let json = try Self.json(run)
        let section = try #require(json["dns"] as? [String: Any])
        #expect(section["status"] as? String == "no-answer")
        #expect((section["message"] as? String)?.hasPrefix("DNS gave no answer: \(silent.resolver) did not reply within 1 s × 2 tries") == true)
        #expect(Self.findings(json, rule: "domain-moved-away").isEmpty)
        #expect((Self.domain(json, "shop.example.com")?["dns"] as? [String: Any])?["verdict"] as? String == "unknown")
        let text = try root.helofix(["inspect", "--resolver", silent.resolver, "--dns-timeout", "1", "--dns-tries", "1"])
        #expect(text.stdout.contains("DNS gave no answer"))
    }

    @Test func noDNSSaysDNSWasNotConsulted() throws {
        let root = try Self.root()
        defer { root.remove() }
        let json = try Self.json(try root.helofix(["inspect", "--no-dns", "--format", "json"]))
        #expect((json["dns"] as? [String: Any])?["status"] as? String == "not-consulted")
        #expect((json["dns"] as? [String: Any])?["message"] as? String == "DNS was not consulted (--no-dns).")
        #expect(Self.domain(json, "shop.example.com")?["dns"] == nil)
        #expect(try root.helofix(["inspect", "--no-dns"]).stdout.contains("DNS was not consulted (--no-dns)."))
    }

    @Test func theRemovalPlanSaysWhetherTheDomainsMailStillComesHere() throws {
        let dns = try LoopbackDNS(records: Self.records)
        defer { dns.stop() }
        let root = try Self.root()
        defer { root.remove() }
        let moved = try root.helofix(["plan", "remove-domain-traces", "shop.example.com", "--resolver", dns.resolver])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout.contains("DNS: Safe to remove here: MX mx.newhost.example.net -> 203.0.113.9 (public DNS)."))
        let live = try root.helofix(["plan", "remove-domain-traces", "stay.example.net", "--resolver", dns.resolver])
        #expect(live.stdout.contains("DNS: WARNING: DNS says mail for stay.example.net still comes here (MX mail.stay.example.net -> 192.0.2.10)"))
        // apply repeats the warning on stderr before it asks (here: no terminal, so nothing is applied).
        let before = root.tree()
        let apply = try root.helofix(["apply", "remove-domain-traces", "stay.example.net", "--resolver", dns.resolver])
        #expect(apply.stderr.hasPrefix("helofix: warning: DNS says mail for stay.example.net still comes here"))
        #expect(apply.status == 1 && root.tree() == before)
        let off = try root.helofix(["plan", "remove-domain-traces", "shop.example.com", "--no-dns"])
        #expect(off.stdout.contains("DNS: not consulted (--no-dns); check shop.example.com's MX record before removing it."))
    }

    @Test func aBadResolverIsAOneLineError() throws {
        let root = try Self.root()
        defer { root.remove() }
        let run = try root.helofix(["inspect", "--resolver", "dns.example:53"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--resolver dns.example:53: expected an IPv4 address"))
    }
}
