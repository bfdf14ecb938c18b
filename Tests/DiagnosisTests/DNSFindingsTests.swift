import Diagnosis
import DomainDNS
import MailServer
import ServerFixtures
import Testing
import TestSupport

/// How DNS answers become findings: only a local domain whose mail goes elsewhere is
/// `domain-moved-away`; every verdict reaches the remove-domain remedy's trade-off.
struct DNSFindingsTests {
    static func route(_ domain: String, _ verdict: MailVerdict, mx: String = "mx.newhost.example", address: String = "203.0.113.9") -> DomainMailRoute {
        DomainMailRoute(domain: domain, mx: [MXHost(name: mx, preference: 10, addresses: [address])], addresses: [address],
                        verdict: verdict, addressesHere: verdict == .here ? [address] : [], reason: "test")
    }

    static func report(_ routes: [DomainMailRoute], status: DNSReport.Status = .consulted) -> DNSReport {
        DNSReport(status: status, resolver: "127.0.0.53:5353", timeoutSeconds: 2, tries: 2,
                  routes: Dictionary(uniqueKeysWithValues: routes.map { ($0.domain, $0) }), senders: [], zones: [])
    }

    @Test func onlyLocalDomainsWhoseMailGoesElsewhereAreMovedAway() throws {
        let server = try ServerUnderTest(Fixtures.migratedCPanel)
        let report = Self.report([
            Self.route("shop.example.com", .elsewhere),
            Self.route("alice.example.org", .here, mx: "mail.alice.example.org", address: "192.0.2.10"),
            Self.route("bob.example.net", .unknown), Self.route("blog.alice.example.org", .nxdomain),
            Self.route("server1.hostco.example", .elsewhere),  // the hostname is never "moved away"
            Self.route("not-hosted.example", .elsewhere),
        ])
        let findings = DNSFindings.apply(report, to: server.findings, snapshot: server.snapshot)
        let moved = findings.filter { $0.rule == .domainMovedAway }
        #expect(moved.map { $0.subjects.map(\.text) } == [["shop.example.com"]])
        #expect(moved.first?.severity == .critical)
        #expect(moved.first?.evidence.contains(.dns(query: "shop.example.com MX", answer: "10 mx.newhost.example")) == true)
        #expect(moved.first?.evidence.contains(.dns(query: "mx.newhost.example A/AAAA", answer: "203.0.113.9")) == true)
        // Critical first: the new finding sorts with the other critical ones.
        #expect(findings.prefix { $0.severity == .critical }.contains { $0.rule == .domainMovedAway })
    }

    @Test func theRemovalRemedySaysTheVerdict() throws {
        let server = try ServerUnderTest(Fixtures.migratedCPanel)
        func tradeOff(_ verdict: MailVerdict) -> String? {
            let findings = DNSFindings.apply(Self.report([Self.route("shop.example.com", verdict)]), to: server.findings, snapshot: server.snapshot)
            let orphan = findings.first { $0.rule == .orphanLocalDomain }
            return orphan?.remedies.first { if case .removeDomainTraces = $0.suggestion { true } else { false } }?.tradeOff
        }
        #expect(tradeOff(.elsewhere)?.hasPrefix("Safe to remove here: MX mx.newhost.example -> 203.0.113.9 (public DNS).") == true)
        #expect(tradeOff(.nxdomain)?.hasPrefix("Safe to remove here: shop.example.com no longer exists in DNS") == true)
        #expect(tradeOff(.here)?.hasPrefix("WARNING: DNS says mail for shop.example.com still comes here") == true)
        #expect(tradeOff(.unknown)?.hasPrefix("DNS gave no verdict") == true)
    }

    @Test func withoutAnAnswerTheFindingsAreUnchanged() throws {
        let server = try ServerUnderTest(Fixtures.migratedCPanel)
        let silent = Self.report([Self.route("shop.example.com", .elsewhere)], status: .noAnswer)
        #expect(DNSFindings.apply(silent, to: server.findings, snapshot: server.snapshot) == server.findings)
        #expect(DNSFindings.apply(.notConsulted("--no-dns"), to: server.findings, snapshot: server.snapshot) == server.findings)
    }

    /// 300 orphans: DNS is asked about the first 256 by name, and the step says how many it left
    /// out (a resolver that answers SERVFAIL at once, so every question gets an answer).
    @Test func atMost256DomainsOfFindingsAreAsked() throws {
        let names = (0..<300).map { "old\($0).example" }
        let server = try ServerUnderTest(Fixtures.clean.with("/etc/localdomains", (["mail.hostco.example", "dave.example.org"] + names).joined(separator: "\n") + "\n"))
        let stub = try StubDNS(.serverFailure)
        defer { stub.stop() }
        let settings = ResolverSettings(server: try ResolverAddress(parsing: stub.resolver), timeoutSeconds: 1, tries: 1)
        let out = DNSEnrichment(options: DNSOptions(settings: settings)).run(snapshot: server.snapshot, findings: server.findings, rejections: [])
        #expect(out.report.routes.count == 256)
        #expect(Set(out.report.routes.keys) == Set(names.sorted().prefix(256)))
        #expect(out.unasked == 44)
    }

    @Test func theDomainsOfFindingsAreLookedUpAndAllAddsEveryLocalDomain() throws {
        let server = try ServerUnderTest(Fixtures.migratedCPanel)
        #expect(DNSEnrichment.domainsToLookUp(snapshot: server.snapshot, findings: server.findings, scope: .findings) == ["shop.example.com"])
        #expect(DNSEnrichment.domainsToLookUp(snapshot: server.snapshot, findings: server.findings, scope: .all)
                == ["alice.example.org", "blog.alice.example.org", "bob.example.net", "shop.example.com"])
    }
}
