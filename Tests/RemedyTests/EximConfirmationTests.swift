import Foundation
import MailServer
import Remedy
import Testing
import TestSupport

/// The replay itself, with real Exim: verdicts from the replicas, bounded time when an ACL or a
/// lookup never finishes, and a sender without any DNS answered quickly.
@Suite(.serialized) struct EximConfirmationTests {
    static func confirmation(_ config: String, timeout: Duration = .seconds(10)) -> EximConfirmation {
        EximConfirmation(exim: EximSession.exim, config: config, localIP: IPAddress(EximReplica.localIP),
                         runner: ProcessCommandRunner(), timeout: timeout)
    }

    @Test func refusedAndAcceptedOnTheReplica() throws {
        try #require(FileManager.default.isExecutableFile(atPath: EximSession.exim), "exim4 must be installed (apt-get install exim4-daemon-light)")
        let server = try ReplicaServer(EximReplica(.directAdmin4543), extra: ["/etc/virtual/whitelist_hosts_ip": "2001:db8::10\n"])
        defer { server.remove() }
        let c = Self.confirmation(server.config)
        let v4 = try #require(IPAddress("203.0.113.10")), v6 = try #require(IPAddress("2001:db8::10"))
        let refused = try #require(c.replay(.init(ip: v4, greeting: "example.com")).verdict)
        #expect(refused == EximVerdict(verdict: .refused, reply: "550 Bad HELO - Host impersonating domain name [example.com]", stage: "EHLO",
                                       logLine: "H=(example.com) [203.0.113.10] rejected EHLO or HELO example.com: Bad HELO - Host impersonating domain name [example.com]"))
        let accepted = try #require(c.replay(.init(ip: v6, greeting: "example.com")).verdict)
        #expect(accepted.verdict == .accepted)
        #expect(accepted.stage == "MAIL FROM")
    }

    @Test func aSessionThatNeverEndsIsStoppedAtTheLimit() throws {
        try #require(FileManager.default.isExecutableFile(atPath: EximSession.exim), "exim4 must be installed (apt-get install exim4-daemon-light)")
        // An ACL that reads a FIFO nobody writes to stands in for a lookup that never answers
        // (`delay` would not do: -bh only reports it, without waiting).
        let root = try TemporaryRoot.empty()
        defer { root.remove() }
        let dir = root.path
        let conf = dir + "/exim.conf"
        #expect(mkfifo(dir + "/never", 0o644) == 0)
        try Data("primary_hostname = server.host.tld\nacl_smtp_helo = slow\nbegin acl\nslow:\n  accept condition = ${readfile{\(dir)/never}}\n".utf8)
            .write(to: URL(fileURLWithPath: conf))
        EximReplica.makeReadable(dir)
        let start = ContinuousClock.now
        let ip = try #require(IPAddress("203.0.113.10"))
        let outcome = Self.confirmation(conf, timeout: .seconds(2)).replay(.init(ip: ip, greeting: "example.com"))
        let took = ContinuousClock.now - start
        guard case .failed(let why) = outcome else { Issue.record("expected a timeout, got \(outcome)"); return }
        #expect(why.contains("did not finish"))
        #expect(took < .seconds(30), "stopped near the limit, not after the ACL's 60 s")
    }

    @Test func aSenderWithoutDNSIsAnswered() throws {
        try #require(FileManager.default.isExecutableFile(atPath: EximSession.exim), "exim4 must be installed (apt-get install exim4-daemon-light)")
        // SpamBlocker 4.5.57 looks up every client's host name (host_lookup = *); a documentation
        // address has none, and the replay still ends with Exim's verdict.
        let server = try ReplicaServer(EximReplica(.directAdmin4557))
        defer { server.remove() }
        let ip = try #require(IPAddress("198.51.100.250"))
        let outcome = Self.confirmation(server.config).replay(.init(ip: ip, greeting: "server.host.tld"))
        #expect(outcome.verdict?.reply == "550 Bad HELO - Host impersonating hostname [server.host.tld]", "\(outcome)")
    }

    @Test func sendersAreBoundedAndOnlyReceiverSideOnesWithAnAddress() throws {
        var c = Self.confirmation("/dev/null")
        c.limit = 2
        let loc = SourceLocation(file: "log", line: 1)
        func group(_ ip: String?, _ helo: String, _ count: Int, side: RejectionSide = .receiver) -> RejectionGroup {
            let r = Rejection(time: nil, ip: ip.flatMap(IPAddress.init), helo: helo, rule: .directAdminDomain, stage: .helo, side: side, location: loc, raw: "")
            return RejectionGroup(ip: r.ip, helo: helo, rule: .directAdminDomain, count: count, firstSeen: nil, lastSeen: nil, samples: [r])
        }
        let senders = c.senders([group("203.0.113.1", "a.example", 1), group(nil, "b.example", 9, side: .sender),
                                 group("203.0.113.2", "c.example", 5), group("203.0.113.3", "d example", 7), group("203.0.113.4", "e.example", 3)])
        #expect(senders.map(\.greeting) == ["c.example", "e.example"])
    }
}
