import Diagnosis
import Foundation
import MailServer
import Testing
import TestSupport

/// Real Exim on each platform replica is the oracle: every greeting a platform refuses is refused
/// with its exact reply and log line, and helofix's log parser and `explain` read that line as
/// the rule, stage and greeting it is. A missing exim4 fails these tests (CI installs it).
@Suite(.serialized) struct ReplicaRejectionTests {
    struct Scenario: Sendable, CustomStringConvertible {
        var replica: EximReplica
        var helo: String
        /// Exim's reply to the refused command, or `nil` when the greeting is accepted (250 to MAIL FROM).
        var reply: String?
        /// The rejection Exim logs (after `LOG: `).
        var log: String?
        /// How helofix reads it: `nil` for a rejection that is not an impersonation rule.
        var rule: RejectionRule?
        var stage: SMTPStage = .helo
        var client = "203.0.113.10"
        var description: String { "\(replica.platform) \(replica.requireHeloNoLD ? "(requirehelonold on) " : "")EHLO \(helo)" }
    }

    static let client = "203.0.113.10"
    static func cpanel(nold: Bool) -> EximReplica {
        var r = EximReplica(.cpanel)
        r.requireHeloNoLD = nold
        return r
    }

    static func mail(_ helo: String, _ message: String) -> String {
        "H=(\(helo)) [\(client)] rejected MAIL <a@sender.tld>: \(message)"
    }

    static func heloStage(_ helo: String, _ message: String) -> String {
        // Exim writes the greeting in lower case after "HELO" (and as sent in the H= field).
        "H=(\(helo)) [\(client)] rejected EHLO or HELO \(helo.lowercased()): \(message)"
    }

    static var scenarios: [Scenario] {
        var all: [Scenario] = []
        // cPanel, defaults: requirehelonold is off, and requirehelonoforge exempts every local
        // interface address (loopback holds @[]), so neither a hosted domain nor the hostname is refused.
        let stock = cpanel(nold: false)
        all.append(Scenario(replica: stock, helo: "example.com"))
        all.append(Scenario(replica: stock, helo: "server.host.tld"))
        all.append(Scenario(replica: stock, helo: "[192.0.2.2]", reply: "550 \"REJECTED - Interface: 192.0.2.2 is _my_ address\"",
                            log: mail("[192.0.2.2]", "\"REJECTED - Interface: 192.0.2.2 is _my_ address\""), rule: .cpanelInterface, stage: .mail))
        all.append(Scenario(replica: stock, helo: "198.51.100.1", reply: "550 Access denied - Invalid HELO name (See RFC2821 4.1.3)",
                            log: mail("198.51.100.1", "Access denied - Invalid HELO name (See RFC2821 4.1.3)"), rule: nil, stage: .mail))
        // With "Require remote (domain) HELO" on, the hosted domain and the hostname (it is in /etc/localdomains) are refused.
        let nold = cpanel(nold: true)
        for helo in ["example.com", "server.host.tld"] {
            all.append(Scenario(replica: nold, helo: helo, reply: "550 \"REJECTED - Bad HELO - Host impersonating [\(helo)]\"",
                                log: mail(helo, "\"REJECTED - Bad HELO - Host impersonating [\(helo)]\""), rule: .cpanelImpersonating, stage: .mail))
        }
        for p in EximReplica.Platform.directAdmin {
            let r = EximReplica(p)
            all.append(Scenario(replica: r, helo: "example.com", reply: "550 Bad HELO - Host impersonating domain name [example.com]",
                                log: heloStage("example.com", "Bad HELO - Host impersonating domain name [example.com]"), rule: .directAdminDomain))
            all.append(Scenario(replica: r, helo: "server.host.tld", reply: "550 Bad HELO - Host impersonating hostname [server.host.tld]",
                                log: heloStage("server.host.tld", "Bad HELO - Host impersonating hostname [server.host.tld]"), rule: .directAdminHostname))
            all.append(Scenario(replica: r, helo: "[192.0.2.2]", reply: "550 Bad HELO - Host impersonating hostname [[192.0.2.2]]",
                                log: heloStage("[192.0.2.2]", "Bad HELO - Host impersonating hostname [[192.0.2.2]]"), rule: .directAdminHostname))
            all.append(Scenario(replica: r, helo: "198.51.100.1", reply: "550 HELO is an IP address (See RFC2821 4.1.3)",
                                log: heloStage("198.51.100.1", "HELO is an IP address (See RFC2821 4.1.3)"), rule: nil))
            // DirectAdmin compares the hostname exactly: another case is not refused by that rule.
            all.append(Scenario(replica: r, helo: "SERVER.host.tld", reply: "550 Bad HELO - Host impersonating domain name [SERVER.host.tld]",
                                log: heloStage("SERVER.host.tld", "Bad HELO - Host impersonating domain name [SERVER.host.tld]"), rule: .directAdminDomain))
        }
        let wiki = EximReplica(.eximWiki)
        // The wiki's hostname test is a regex match: any greeting containing the hostname.
        for helo in ["server.host.tld", "mx.server.host.tld", "example.com"] {
            all.append(Scenario(replica: wiki, helo: helo, reply: "550 \"REJECTED - Bad HELO - Host impersonating [\(helo)]\"",
                                log: heloStage(helo, "\"REJECTED - Bad HELO - Host impersonating [\(helo)]\""), rule: .eximWiki))
        }
        all.append(Scenario(replica: wiki, helo: "[192.0.2.2]", reply: "550 192.0.2.2 is _my_ address",
                            log: heloStage("[192.0.2.2]", "192.0.2.2 is _my_ address"), rule: .eximInterface))
        let hestia = EximReplica(.hestia)
        all.append(Scenario(replica: hestia, helo: "example.com"))
        all.append(Scenario(replica: hestia, helo: "[192.0.2.2]", reply: "550 192.0.2.2 is _my_ address",
                            log: mail("[192.0.2.2]", "192.0.2.2 is _my_ address"), rule: .eximInterface, stage: .mail))
        return all
    }

    @Test(arguments: scenarios) func eximAndHelofixAgree(_ s: Scenario) throws {
        try #require(FileManager.default.isExecutableFile(atPath: EximSession.exim), "exim4 must be installed (apt-get install exim4-daemon-light)")
        let server = try ReplicaServer(s.replica)
        defer { server.remove() }
        let session = try server.session(s.client, helo: s.helo)
        guard let reply = s.reply else {
            #expect(session.accepted, "\(session.replies) \(session.log)")
            #expect(session.rejections.isEmpty)
            return
        }
        #expect(session.verdict == reply, "\(session.replies)")
        #expect(session.rejections.first == s.log, "\(session.log)")
        let line = try #require(session.rejections.first)
        let parsed = RejectionLineParser.parse(Substring(line), location: SourceLocation(file: "mainlog", line: 1))
        #expect(parsed?.rule == s.rule)
        if let rule = s.rule {
            #expect(parsed?.stage == s.stage)
            #expect(parsed?.helo == s.helo.lowercased())
            #expect(parsed?.ip == IPAddress(s.client))
            // The sender's view: the reply alone, as a bounce quotes it after the stage.
            let after = s.stage == .mail ? "MAIL FROM:<a@sender.tld>" : "EHLO \(s.helo)"
            let explained = try #require(LineExplanation(line: "SMTP error from remote mail server after \(after): \(reply)"))
            #expect(explained.rule == rule)
            #expect(explained.stage == s.stage)
        }
    }
}
