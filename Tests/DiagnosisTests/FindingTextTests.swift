@testable import Diagnosis
import MailServer
import ServerFixtures
import Testing

/// The words of the refused-greeting findings, made in one buffer per finding with the server's
/// shared sentences made once, say each case as the sentences do: how often and when, whose
/// domain, and the remedies in their order.
@Suite struct FindingTextTests {
    static let server = Result { try ServerUnderTest(Fixtures.migratedCPanel) }

    /// A group of `count` refusals of 203.0.113.7 greeting as `helo`, seen between `first` and `last`.
    static func group(_ helo: String, count: Int, first: String?, last: String?, ip: String? = "203.0.113.7") -> RejectionGroup {
        RejectionGroup(ip: ip.flatMap { IPAddress($0) }, helo: helo, rule: .cpanelImpersonating, count: count,
                       firstSeen: first, lastSeen: last, samples: [])
    }

    @Test(arguments: [
        (1, "2026-11-01 10:00:00", "2026-11-01 10:00:00", "refused once at 2026-11-01 10:00:00 by "),
        (3, "2026-11-01 10:00:00", "2026-11-02 11:00:00", "refused 3 times between 2026-11-01 10:00:00 and 2026-11-02 11:00:00 by "),
        (2, "2026-11-01 10:00:00", "2026-11-01 10:00:00", "refused 2 times at 2026-11-01 10:00:00 by "),
        (2, nil, "2026-11-02 11:00:00", "refused 2 times at 2026-11-02 11:00:00 by "),
        (2, "2026-11-01 10:00:00", nil, "refused 2 times at 2026-11-01 10:00:00 by "),
        (1, nil, nil, "refused once by "),
    ] as [(Int, String?, String?, String)])
    func howOftenAndWhen(count: Int, first: String?, last: String?, phrase: String) throws {
        let s = try Self.server.get()
        let found = FindingEngine().evaluate(s.snapshot, rejections: [Self.group("shop.example.com", count: count, first: first, last: last)])
        let f = try #require(found.first { $0.rule == .rejectedHeloIsLocalDomain })
        #expect(f.explanation.hasPrefix("The machine at 203.0.113.7 greeted this server as shop.example.com, a domain listed as local here, and was " + phrase + "cPanel's \"Require remote (domain) HELO\" check"))
        #expect(f.explanation.contains(", the anti-spam check against \"greeting forgery\". Its mail is bounced back to its senders. No account here owns shop.example.com: it most likely moved"))
        #expect(f.title == "203.0.113.7 greets as the local domain shop.example.com and is refused")
    }

    @Test func theRemediesInTheirOrder() throws {
        let s = try Self.server.get()
        let found = FindingEngine().evaluate(s.snapshot, rejections: [
            Self.group("shop.example.com", count: 2, first: nil, last: nil),
            Self.group("shop.example.com", count: 2, first: nil, last: nil, ip: nil),
        ])
        let local = found.filter { $0.rule == .rejectedHeloIsLocalDomain }
        try #require(local.count == 2)
        #expect(local[0].remedies.map(\.title) == [
            "Remove shop.example.com's traces from this server",
            "Change the sender at 203.0.113.7's greeting from shop.example.com to its own name",
            "Make the sender at 203.0.113.7 authenticate (SMTP AUTH)",
            "Whitelist 203.0.113.7 with an accept line in the custom_begin_mail ACL",
        ])
        #expect(local[0].remedies[1].suggestion == .advice("On the sender at 203.0.113.7, stop greeting as shop.example.com: set \(SenderSideRemedies.greetingSettings)."))
        #expect(local[0].remedies[3].tradeOff.hasSuffix(" " + WhitelistRemedy.risk))
        #expect(local[0].remedies[3].suggestion == .whitelistSender("203.0.113.7"))
        // Without an address: "A client", "the sender", and no whitelist.
        #expect(local[1].title == "A client greets as the local domain shop.example.com and is refused")
        #expect(local[1].explanation.hasPrefix("A client greeted this server as shop.example.com"))
        #expect(local[1].remedies.map(\.title) == [
            "Remove shop.example.com's traces from this server",
            "Change the sender's greeting from shop.example.com to its own name",
            "Make the sender authenticate (SMTP AUTH)",
        ])
    }

    /// Addresses written without `inet_ntop` read as its text does.
    @Test func addressesAsTheirDescription() {
        for text in ["0.0.0.0", "255.255.255.255", "10.0.200.9", "198.18.8.239", "1.2.3.4", "2001:db8::1", "::ffff:1.2.3.4", "::"] {
            let ip = IPAddress(text)!
            #expect(FindingWords.address(ip) == ip.description, "\(text)")
        }
        #expect(FindingWords.joined() == "")
        #expect(FindingWords.joined("a", "", "é✓", "b") == "aé✓b")
    }

    /// The rules' findings joined, most severe first: the longest list kept whole, the others
    /// before and after it, in rule order; findings already in order come back as they are.
    @Test func findingsJoinedAndOrdered() {
        func f(_ title: String, _ severity: Severity) -> Finding {
            Finding(rule: .staleLock, severity: severity, title: title, subjects: [], evidence: [], explanation: "", remedies: [])
        }
        let lists: [[Finding]] = [[f("a", .critical)], [], (0..<100).map { f("b\($0)", .critical) }, [f("c", .warning), f("d", .info)], []]
        let joined = FindingEngine.joined(lists)
        #expect(joined.map(\.title) == lists.flatMap { $0 }.map(\.title))
        #expect(FindingEngine.joined([]).isEmpty)
        #expect(FindingEngine.joined([[], []]).isEmpty)
        #expect(FindingEngine.mostSevereFirst(joined).map(\.title) == joined.map(\.title))
        // Out of order: stable within a severity.
        let mixed = [f("w1", .warning), f("c1", .critical), f("i1", .info), f("w2", .warning), f("c2", .critical)]
        #expect(FindingEngine.mostSevereFirst(mixed).map(\.title) == ["c1", "c2", "w1", "w2", "i1"])
        #expect(FindingEngine.mostSevereFirst([f("i", .info), f("c", .critical)]).map(\.title) == ["c", "i"])
        #expect(FindingEngine.mostSevereFirst([]).isEmpty)
    }
}
