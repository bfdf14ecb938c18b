import Console
import Diagnosis
import DomainDNS
import Testing

/// DNS verdicts arrive after the first frame: the reducer keeps them, the domains pane and the
/// finding detail show them.
@Suite struct ConsoleDNSTests {
    typealias T = ConsoleTestData

    static var answered: DNSReport {
        let moved = DomainMailRoute(domain: "shop.example.com", mx: [MXHost(name: "mx.newhost.example", preference: 10, addresses: ["203.0.113.9"])],
                                    addresses: ["203.0.113.9"], verdict: .elsewhere, addressesHere: [],
                                    reason: "its MX points to 203.0.113.9, none of them this server's.")
        let here = DomainMailRoute(domain: "alice.example.org", mx: [MXHost(name: "mail.alice.example.org", preference: 0, addresses: ["192.0.2.10"])],
                                   addresses: ["192.0.2.10"], verdict: .here, addressesHere: ["192.0.2.10"], reason: "its MX points to this server.")
        return DNSReport(status: .consulted, resolver: "127.0.0.53:5353", timeoutSeconds: 2, tries: 2,
                         routes: ["shop.example.com": moved, "alice.example.org": here], senders: [], zones: [])
    }

    /// The domains pane's part (the first third) of the screen line that shows `text` there.
    static func domainsPaneLine(_ state: ConsoleState, containing text: String) -> String? {
        ConsoleView.render(state).text.split(separator: "\n").map { String($0.prefix(state.width / 3)) }.first { $0.contains(text) }
    }

    @Test func verdictsJoinTheDomainRowsAsTheyArrive() throws {
        var state = try T.state(width: 120, height: 40)
        #expect(state.dns.verdictText(for: "shop.example.com") == nil)
        #expect(Self.domainsPaneLine(state, containing: "shop.example.com")?.contains("→") == false)

        _ = ConsoleReducer.reduce(&state, .dns(.asking))
        T.press([.character("n"), .enter], &state)
        #expect(ConsoleView.render(state).text.contains("DNS: asking where the domains' mail goes"))

        _ = ConsoleReducer.reduce(&state, .dns(.answered(Self.answered)))
        #expect(!ConsoleView.render(state).text.contains("DNS: asking"))
        T.press([.escape], &state)
        #expect(Self.domainsPaneLine(state, containing: "shop.example.com")?.contains("no owner → away") == true)
        #expect(Self.domainsPaneLine(state, containing: "alice.example.org")?.contains("alice → here") == true)
        #expect(Self.domainsPaneLine(state, containing: "bob.example.net")?.contains("→") == false)
    }

    @Test func aResolverThatGaveNoAnswerIsSaidInTheDetail() throws {
        var state = try T.state(width: 120, height: 40)
        let silent = DNSReport(status: .noAnswer, resolver: "127.0.0.54:5353", timeoutSeconds: 2, tries: 2,
                               routes: [:], senders: [], zones: [])
        _ = ConsoleReducer.reduce(&state, .dns(.answered(silent)))
        T.press([.character("n"), .enter], &state)
        #expect(ConsoleView.render(state).text.contains("DNS gave no answer: 127.0.0.54:5353 did not reply within 2 s × 2 tries"))
    }

    @Test func mainScreenWithVerdicts() throws {
        var state = try T.state(width: 120, height: 40)
        _ = ConsoleReducer.reduce(&state, .dns(.answered(Self.answered)))
        T.press([.character("n")], &state)
        Golden.check(try ConsoleViewSnapshotTests.snapshot(ConsoleView.render(state), profile: "default"), named: "main-120x40-dns")
    }
}
