import Diagnosis
import DomainDNS
import MailServer
import Testing
import TestSupport

/// The cross-server rules on hand-made server summaries.
@Suite("Fleet rules")
struct FleetRuleTests {
    static func server(_ name: String, host: String, ip: String, local: [(String, String?)], greetings: [(GreetingKey, String)] = [],
                       refusals: [(helo: String, ip: String, count: Int)] = []) -> FleetServer {
        FleetServer(
            name: name, platform: .cpanel, hostname: host, ips: [IPAddress(ip)!],
            localDomains: ([(host, nil)] + local).map { FleetServer.LocalDomain(name: $0.0, owner: $0.1, source: SourceLocation(file: "/etc/localdomains", line: 1)) },
            greetings: greetings.map { GreetingName(key: $0.0, helo: $0.1, location: SourceLocation(file: "/etc/mailhelo", line: 1)) },
            refusals: refusals.map { r in
                let sample = Rejection(time: "2026-11-25 10:00:00", ip: IPAddress(r.ip), helo: r.helo, rule: .cpanelImpersonating, stage: .mail,
                                       side: .receiver, location: SourceLocation(file: "/var/log/exim_mainlog", line: 1), raw: "…")
                return RejectionGroup(ip: IPAddress(r.ip), helo: r.helo, rule: .cpanelImpersonating, count: r.count,
                                      firstSeen: sample.time, lastSeen: sample.time, samples: [sample])
            })
    }

    @Test func ownershipOnOneSideMakesTheOtherStale() {
        let findings = FleetEngine().evaluate([
            Self.server("a", host: "a.host.example", ip: "192.0.2.1", local: [("shop.example.com", nil), ("one.example.org", "u1")]),
            Self.server("b", host: "b.host.example", ip: "192.0.2.2", local: [("shop.example.com", "frank")]),
        ])
        #expect(findings.map(\.rule) == [.domainOnTwoServers])
        #expect(findings.first?.fixOn == "a")
        #expect(findings.first?.severity == .warning, "no refusal in the logs yet")
        #expect(findings.first?.remedies.map(\.planCommand) == ["helofix plan remove-domain shop.example.com"])
    }

    @Test func logEvidenceDecidesWhenBothOwnIt() {
        let findings = FleetEngine().evaluate([
            Self.server("a", host: "a.host.example", ip: "192.0.2.1", local: [("shop.example.com", "old")],
                        refusals: [("shop.example.com", "192.0.2.2", 4)]),
            Self.server("b", host: "b.host.example", ip: "192.0.2.2", local: [("shop.example.com", "frank")]),
        ])
        #expect(findings.map(\.rule) == [.domainOnTwoServers])
        #expect(findings.first?.fixOn == "a")
        #expect(findings.first?.severity == .critical)
    }

    /// What public DNS answers for `domain`: its MX pointing at `address`.
    static func route(_ domain: String, to address: String, verdict: MailVerdict = .elsewhere) -> [String: DomainMailRoute] {
        [domain: DomainMailRoute(domain: domain, mx: [MXHost(name: "mx.\(domain)", preference: 10, addresses: [address])],
                                 addresses: [address], verdict: verdict, addressesHere: verdict == .here ? [address] : [],
                                 reason: "MX mx.\(domain) -> \(address)")]
    }

    @Test func dnsDecidesWhenBothOwnIt() {
        var a = Self.server("a", host: "a.host.example", ip: "192.0.2.1", local: [("shop.example.com", "old")])
        a.routes = Self.route("shop.example.com", to: "192.0.2.2")
        let findings = FleetEngine().evaluate([a, Self.server("b", host: "b.host.example", ip: "192.0.2.2", local: [("shop.example.com", "frank")])])
        #expect(findings.map(\.rule) == [.domainOnTwoServers])
        #expect(findings.first?.fixOn == "a", "DNS sends the mail to b's address")
        #expect(findings.first?.title.contains("the copy on a is stale") == true)
        #expect(findings.first?.explanation.contains("public DNS sends its mail to b") == true)
        #expect(findings.first?.evidence.contains(FleetEvidence(server: "a", evidence: .dns(query: "shop.example.com MX", answer: "MX mx.shop.example.com -> 192.0.2.2"))) == true)
        #expect(findings.first?.remedies.map(\.planCommand) == ["helofix plan remove-domain shop.example.com"])
    }

    @Test func dnsOutranksTheLogWhenNeitherOwnsIt() {
        // a's log refuses b's greeting (which alone would make a stale), but DNS says the mail goes to a.
        var a = Self.server("a", host: "a.host.example", ip: "192.0.2.1", local: [("shop.example.com", nil)],
                            refusals: [("shop.example.com", "192.0.2.2", 2)])
        a.routes = Self.route("shop.example.com", to: "192.0.2.1", verdict: .here)
        let findings = FleetEngine().evaluate([a, Self.server("b", host: "b.host.example", ip: "192.0.2.2", local: [("shop.example.com", nil)])])
        #expect(findings.map(\.fixOn) == ["b"])
    }

    @Test func dnsNamingNoHolderMakesEveryCopyStale() {
        var b = Self.server("b", host: "b.host.example", ip: "192.0.2.2", local: [("shop.example.com", "frank")])
        b.routes = Self.route("shop.example.com", to: "203.0.113.99")
        let findings = FleetEngine().evaluate([Self.server("a", host: "a.host.example", ip: "192.0.2.1", local: [("shop.example.com", "old")]), b])
        #expect(findings.map(\.fixOn) == ["a", "b"])
        #expect(findings.first?.explanation.contains("none of them") == true)
    }

    @Test func logDecidesWhenOwnershipIsAmbiguousAndDNSSilent() {
        // Neither side has an owner and DNS gave no addresses: the refusal in b's log decides.
        var a = Self.server("a", host: "a.host.example", ip: "192.0.2.1", local: [("shop.example.com", nil)])
        a.routes = [:]
        let findings = FleetEngine().evaluate([
            a, Self.server("b", host: "b.host.example", ip: "192.0.2.2", local: [("shop.example.com", nil)],
                           refusals: [("shop.example.com", "192.0.2.1", 3)]),
        ])
        #expect(findings.map(\.fixOn) == ["b"])
        #expect(findings.first?.severity == .critical)
    }

    @Test func onlyUndecidedSharedDomainsAreAskedAbout() {
        let servers = [
            Self.server("a", host: "a.host.example", ip: "192.0.2.1", local: [("both.example", "x"), ("one.example", nil), ("orphan.example", nil)]),
            Self.server("b", host: "b.host.example", ip: "192.0.2.2", local: [("both.example", "y"), ("orphan.example", "z")]),
        ]
        #expect(FleetMailRoutes.domainsToAsk(servers).map(\.domain) == ["both.example"])
    }

    @Test func theIndexFindsExactlyTheDomainsOnTwoServers() {
        // Random fleets: the integer-keyed index must agree with counting names the slow way.
        var rng = SeededGenerator(seed: 15)
        for round in 0..<20 {
            let count = Int.random(in: 2...12, using: &rng)
            var servers: [FleetServer] = []
            var holders: [String: Set<Int>] = [:]
            for i in 0..<count {
                let names = Set((0..<Int.random(in: 0...40, using: &rng)).map { _ in "d\(Int.random(in: 0..<60, using: &rng)).example" })
                for n in names { holders[n, default: []].insert(i) }
                servers.append(Self.server("s\(i)", host: "s\(i).host.example", ip: "192.0.2.\(i + 1)", local: names.sorted().map { ($0, nil) }))
            }
            let found = FleetEngine().evaluate(servers).filter { $0.rule == .domainOnTwoServers }
            let expected = holders.filter { $0.value.count > 1 }
            #expect(Set(found.flatMap { $0.subjects.map(\.text) }) == Set(expected.keys), "round \(round)")
            for f in found {
                #expect(Set(f.servers) == Set(expected[f.subjects[0].text]!.map { "s\($0)" }), "round \(round): \(f.title)")
            }
        }
    }

    @Test func domainKeysFollowTheDomains() {
        var server = Self.server("a", host: "a.host.example", ip: "192.0.2.1", local: [("shop.example.com", nil)])
        #expect(server.domainKeys == server.localDomains.map { FleetServer.LocalDomain.key(of: $0.name) })
        server.localDomains.append(FleetServer.LocalDomain(name: "other.example", owner: nil, source: nil))
        #expect(server.domainKeys.last == FleetServer.LocalDomain.key(of: "other.example"))
        #expect(FleetServer.LocalDomain.key(of: "a.example") != FleetServer.LocalDomain.key(of: "b.example"))
    }

    @Test func withoutEvidenceNoServerIsChosen() {
        let findings = FleetEngine().evaluate([
            Self.server("a", host: "a.host.example", ip: "192.0.2.1", local: [("shop.example.com", "x")]),
            Self.server("b", host: "b.host.example", ip: "192.0.2.2", local: [("shop.example.com", "y")]),
        ])
        #expect(findings.count == 1)
        #expect(findings.first?.fixOn == nil)
        #expect(findings.first?.remedies.map(\.server) == ["a", "b"])
        #expect(findings.first?.remedies.first?.planCommand == "helofix plan remove-domain shop.example.com --force")
    }

    @Test func sameHostnameOnTwoServers() {
        let findings = FleetEngine().evaluate([
            Self.server("web1.host.example", host: "clone.host.example", ip: "192.0.2.1", local: []),
            Self.server("mail1", host: "clone.host.example", ip: "192.0.2.2", local: [], refusals: [("clone.host.example", "192.0.2.1", 3)]),
        ])
        #expect(findings.map(\.rule) == [.sharedHostname])
        #expect(findings.first?.fixOn == "web1.host.example", "the one being refused")
        #expect(findings.first?.remedies.first?.planCommand == "helofix plan rename-hostname web1.host.example")
    }

    @Test func hostnameThatIsADomainElsewhere() {
        let findings = FleetEngine().evaluate([
            Self.server("web", host: "example.com", ip: "192.0.2.1", local: []),
            Self.server("mail", host: "mail.host.example", ip: "192.0.2.2", local: [("example.com", "carol")],
                        refusals: [("example.com", "192.0.2.1", 2)]),
        ])
        #expect(findings.map(\.rule) == [.sharedHostname])
        #expect(findings.first?.fixOn == "web")
        #expect(findings.first?.severity == .critical)
        #expect(findings.first?.remedies.first?.planCommand == "helofix plan rename-hostname NEW-UNIQUE-NAME")
    }

    @Test func greetingAsADomainHostedElsewhere() {
        let findings = FleetEngine().evaluate([
            Self.server("a", host: "a.host.example", ip: "192.0.2.1", local: [], greetings: [(.default, "shop.example.com")]),
            Self.server("b", host: "b.host.example", ip: "192.0.2.2", local: [("shop.example.com", "frank")],
                        refusals: [("shop.example.com", "192.0.2.1", 5)]),
        ])
        #expect(findings.map(\.rule) == [.greetingHostedElsewhere], "the refusal is explained, so no peer-refused too")
        #expect(findings.first?.fixOn == "a")
        #expect(findings.first?.remedies.first?.planCommand == "helofix plan set-greeting \"*\" a.host.example")
        #expect(findings.first?.remedies.first?.ansibleCommand() == "ansible a -m ansible.builtin.command -a 'helofix plan set-greeting \"*\" a.host.example'")
    }

    @Test func aRefusalNoOtherRuleExplainsIsPeerRefused() {
        let findings = FleetEngine().evaluate([
            Self.server("a", host: "a.host.example", ip: "192.0.2.1", local: [], greetings: [(.domain("x.example.org"), "odd.example.net")]),
            Self.server("b", host: "b.host.example", ip: "192.0.2.2", local: [], refusals: [("odd.example.net", "192.0.2.1", 1), ("spam.example", "203.0.113.9", 9)]),
        ])
        #expect(findings.map(\.rule) == [.peerRefused], "refusals of senders outside the fleet are not fleet findings")
        #expect(findings.first?.fixOn == "a")
        #expect(findings.first?.servers == ["a", "b"])
    }

    @Test func domainsHostedOnceGiveNothing() {
        let servers = (0..<20).map { i in
            Self.server("s\(i)", host: "s\(i).host.example", ip: "192.0.2.\(i + 1)", local: (0..<50).map { ("d\($0).s\(i).example", "u") })
        }
        #expect(FleetEngine().evaluate(servers).isEmpty)
    }
}
