import DomainDNS
import Foundation
import MailServer
import Testing
import TestSupport

/// The resolver and the mail-route verdicts against a real dnsmasq on loopback.
@Suite(.serialized) struct ResolverTests {
    /// This server's addresses in these tests.
    static let server = ServerAddresses(addresses: [IPAddress("192.0.2.10")!, IPAddress("192.0.2.11")!, IPAddress("2001:db8::10")!],
                                        names: ["server1.hostco.example"])

    /// Records for every case; `--local=/example/` makes dnsmasq answer NODATA/NXDOMAIN itself instead of REFUSED.
    static func records(failUpstream: String) -> [String] {
        [
            "--local=/example/", "--local=/113.0.203.in-addr.arpa/",
            "--mx-host=here.example,mx.here.example,10", "--host-record=mx.here.example,192.0.2.10",
            "--mx-host=moved.example,mx.newhost.example,10", "--host-record=mx.newhost.example,203.0.113.9",
            "--host-record=aonly.example,192.0.2.11",
            "--mx-host=alias.example,mx.alias.example,5", "--cname=mx.alias.example,mx.real.example",
            "--host-record=mx.real.example,203.0.113.20",
            "--mx-host=v6.example,mx6.v6.example,10", "--host-record=mx6.v6.example,2001:db8::25",
            "--mx-host=v6here.example,mx6.v6here.example,10", "--host-record=mx6.v6here.example,2001:db8::10",
            "--server=/fail.example/\(failUpstream)",
            "--txt-record=moved.example,v=spf1 include:newhost.example ~all",
            "--ptr-record=10.113.0.203.in-addr.arpa,web.newhost.example",
        ]
    }

    static func pool(_ resolver: String, maxInFlight: Int = 16) throws -> ResolverPool {
        ResolverPool(settings: ResolverSettings(server: try ResolverAddress(parsing: resolver), timeoutSeconds: 1, tries: 1, maxInFlight: maxInFlight))
    }

    @Test func verdictsForEveryKindOfAnswer() throws {
        let upstream = try StubDNS(.serverFailure)
        defer { upstream.stop() }
        let dns = try LoopbackDNS(records: Self.records(failUpstream: upstream.dnsmasqServer))
        defer { dns.stop() }
        let lookup = MailRouteLookup(pool: try Self.pool(dns.resolver), server: Self.server)
        let routes = lookup.routes(for: ["here.example", "moved.example", "aonly.example", "gone.example", "fail.example",
                                         "alias.example", "v6.example", "v6here.example"])

        #expect(routes["here.example"]?.verdict == .here)
        #expect(routes["here.example"]?.addressesHere == ["192.0.2.10"])

        let moved = try #require(routes["moved.example"])
        #expect(moved.verdict == .elsewhere)
        #expect(moved.mx == [MXHost(name: "mx.newhost.example", preference: 10, addresses: ["203.0.113.9"])])
        #expect(moved.summary == "MX mx.newhost.example -> 203.0.113.9")

        // No MX: the domain's own address is where mail goes (RFC 5321 implicit MX).
        #expect(routes["aonly.example"]?.verdict == .here)
        #expect(routes["aonly.example"]?.mx == [])
        #expect(routes["aonly.example"]?.addresses == ["192.0.2.11"])

        #expect(routes["gone.example"]?.verdict == .nxdomain)

        // dnsmasq relays the upstream's SERVFAIL: no verdict, and the reason says so.
        let failed = try #require(routes["fail.example"])
        #expect(failed.verdict == .unknown)
        #expect(failed.reason.contains("SERVFAIL"))

        let alias = try #require(routes["alias.example"])
        #expect(alias.verdict == .elsewhere)
        #expect(alias.mx.first?.canonicalName == "mx.real.example")
        #expect(alias.addresses == ["203.0.113.20"])

        #expect(routes["v6.example"]?.verdict == .elsewhere)
        #expect(routes["v6.example"]?.addresses == ["2001:db8::25"])
        #expect(routes["v6here.example"]?.verdict == .here)
    }

    @Test func txtAndPtrAnswers() throws {
        let dns = try LoopbackDNS(records: Self.records(failUpstream: "127.0.0.1#9"))
        defer { dns.stop() }
        let pool = try Self.pool(dns.resolver)
        let txt = pool.resolve([DNSQuestion("moved.example", .txt)])[DNSQuestion("moved.example", .txt)]
        #expect(txt?.records(of: .txt).map(\.data) == ["v=spf1 include:newhost.example ~all"])
        let names = SenderName.lookUp([IPAddress("203.0.113.10")!, IPAddress("203.0.113.11")!], pool: pool)
        #expect(names == [SenderName(ip: "203.0.113.10", names: ["web.newhost.example"]), SenderName(ip: "203.0.113.11", names: [])])
    }

    @Test func aResolverThatNeverAnswersCostsOneRoundOfTimeouts() throws {
        let silent = try StubDNS(.silent)
        defer { silent.stop() }
        let pool = try Self.pool(silent.resolver, maxInFlight: 4)
        let started = Date()
        let routes = MailRouteLookup(pool: pool, server: Self.server).routes(for: (0..<200).map { "d\($0).example" })
        print("silent resolver: 200 domains answered in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
        #expect(routes.count == 200)
        #expect(routes.values.allSatisfy { $0.verdict == .unknown && $0.reason.contains("DNS gave no answer") })
        // Only the first round (one question per worker) was sent; every later one was not asked.
        #expect(pool.statistics.sent <= 4)
        #expect(pool.statistics.answeredAny == false)
        #expect(pool.resolverSilent)
    }

    @Test func tenThousandDomainsRespectTheBoundOnQuestionsInFlight() throws {
        let dns = try LoopbackDNS(records: Self.records(failUpstream: "127.0.0.1#9"))
        defer { dns.stop() }
        let pool = try Self.pool(dns.resolver, maxInFlight: 8)
        let domains = (0..<10_000).map { "customer\($0).example" } + ["moved.example"]
        let routes = MailRouteLookup(pool: pool, server: Self.server).routes(for: domains)
        #expect(routes.count == 10_001)
        #expect(routes["customer42.example"]?.verdict == .nxdomain)
        #expect(routes["moved.example"]?.verdict == .elsewhere)
        let stats = pool.statistics
        print("10,000 domains: \(stats.sent) questions, at most \(stats.maxInFlight) in flight")
        #expect(stats.maxInFlight <= 8)
        #expect(stats.maxInFlight > 1)
        // The cache: asking again sends nothing.
        _ = pool.resolve([DNSQuestion("moved.example", .mx)])
        #expect(pool.statistics.sent == stats.sent)
    }

    @Test func resolverAddressParsing() throws {
        #expect(try ResolverAddress(parsing: "127.0.0.53:5353") == ResolverAddress(address: "127.0.0.53", port: 5353))
        #expect(try ResolverAddress(parsing: "192.0.2.1") == ResolverAddress(address: "192.0.2.1", port: 53))
        for bad in ["", "::1", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:99999", "dns.example", "1.2.3"] {
            #expect(throws: ResolverAddressError.self) { try ResolverAddress(parsing: bad) }
        }
    }

    @Test func reverseNames() {
        #expect(SenderName.reverseName(IPAddress("203.0.113.10")!) == "10.113.0.203.in-addr.arpa")
        #expect(SenderName.reverseName(IPAddress("2001:db8::1")!).hasPrefix("1.0.0.0.0.0.0.0."))
        #expect(SenderName.reverseName(IPAddress("2001:db8::1")!).hasSuffix("8.b.d.0.1.0.0.2.ip6.arpa"))
    }
}
