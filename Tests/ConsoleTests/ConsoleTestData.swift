import Console
import Diagnosis
import Foundation
import MailServer
import ServerFixtures
import Testing

/// Test data: the demo server read for real, plus findings written out by hand (the rules are
/// tested in DiagnosisTests; here only their shape matters).
enum ConsoleTestData {
    /// The demo (migrated cPanel) server, read by the real SnapshotReader from a temporary root.
    static func demoSnapshot() throws -> ServerSnapshot {
        let root = try Fixtures.demo.writeToTemporaryDirectory(prefix: "helofix-console-test")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var snapshot = try SnapshotReader(root: ServerRoot(root)).read()
        snapshot.root = "/"  // the temporary path would change every run
        return snapshot
    }

    /// Three findings about the demo server, one per severity.
    static var findings: [Finding] {
        let shopIP = IPAddress("203.0.113.10")!
        let vpsIP = IPAddress("198.51.100.7")!
        let sample = Rejection(time: "2026-11-21 11:01:11", ip: vpsIP, helo: "server1.hostco.example", rule: .cpanelImpersonating,
                               stage: .mail, side: .receiver, location: SourceLocation(file: "/var/log/exim_mainlog", line: 7),
                               raw: "2026-11-21 11:01:11 H=(server1.hostco.example) [198.51.100.7]:42011 rejected MAIL")
        return [
            Finding(rule: .ineffectiveWhitelist, severity: .warning, title: "198.51.100.7 is whitelisted in a list that does not bypass the HELO check",
                    subjects: [.ip(vpsIP)], evidence: [.file(SourceLocation(file: "/etc/skipsmtpcheckhosts", line: 1), text: "198.51.100.7")],
                    explanation: "skipsmtpcheckhosts is consulted at RCPT, after the HELO check has already refused the mail.",
                    remedies: [RemedyOption(.whitelistSender("198.51.100.7"), title: "Whitelist 198.51.100.7 in alwaysrelay",
                                            tradeOff: "A whitelisted sender that gets infected floods the server with spam.")]),
            Finding(rule: .orphanLocalDomain, severity: .critical, title: "shop.example.com is local here but no account owns it",
                    subjects: [.domain("shop.example.com"), .ip(shopIP)],
                    evidence: [.file(SourceLocation(file: "/etc/localdomains", line: 5), text: "shop.example.com"),
                               .log(RejectionGroup(ip: shopIP, helo: "shop.example.com", rule: .cpanelImpersonating, count: 12,
                                                   firstSeen: "2026-11-21 08:01:11", lastSeen: "2026-11-23 17:03:13", samples: []))],
                    explanation: "The domain moved to another server, but this one still delivers it locally, so the new server's greeting is refused as forgery.",
                    remedies: [RemedyOption(.removeDomainTraces("shop.example.com"), title: "Remove shop.example.com's traces from this server",
                                            tradeOff: "Mail from this server to shop.example.com then goes to its real MX.")]),
            Finding(rule: .rejectedHeloIsHostname, severity: .info, title: "198.51.100.7 greets with this server's hostname",
                    subjects: [.hostName("server1.hostco.example"), .ip(vpsIP)],
                    evidence: [.log(RejectionGroup(ip: vpsIP, helo: "server1.hostco.example", rule: .cpanelImpersonating, count: 9,
                                                   firstSeen: "2026-11-21 11:01:11", lastSeen: "2026-11-23 17:03:13", samples: [sample]))],
                    explanation: "Another machine (a cloned VPS) uses this server's name in its greeting.",
                    remedies: [RemedyOption(.advice("Give the VPS its own hostname"), title: "Give the other machine its own hostname", tradeOff: "Done on that machine.")]),
        ]
    }

    /// A console state showing the demo with the findings above.
    static func state(width: Int = 80, height: Int = 24, mode: ConsoleMode = .edit, glyphs: Glyphs = .unicode) throws -> ConsoleState {
        var state = ConsoleState(width: width, height: height, mode: mode, glyphs: glyphs)
        _ = ConsoleReducer.reduce(&state, .serverRead(try demoSnapshot(), findings: findings))
        _ = ConsoleReducer.reduce(&state, .log(.caughtUp(total: 21)))
        return state
    }

    /// Sends keys through the reducer, collecting effects.
    @discardableResult
    static func press(_ keys: [Key], _ state: inout ConsoleState) -> [ConsoleEffect] {
        keys.flatMap { ConsoleReducer.reduce(&state, .key($0)) }
    }
}
