import Foundation
import ProcessLaunch
import ServerFixtures
import TestSupport
import Testing

/// `helofix explain` tells platform and rule for every real-world line: the receivers' messages and
/// log lines, and the bounces senders see.
@Suite struct ExplainTests {
    struct Line: Sendable, CustomStringConvertible {
        var text: String
        var receiver: String
        var rule: String
        var stage: String
        var description: String { text }
    }

    static let lines: [Line] = [
        // Two bounces as a sender receives them.
        Line(text: "user2@recipient.com host server.recipient.com [zz.zz.zz.zz] SMTP error from remote mail server after pipelined MAIL FROM:<user1@sender.com> SIZE=3964: 550 \"REJECTED - Bad HELO - Host impersonating [mx.sender.com]\"",
             receiver: "cPanel/WHM", rule: "cpanel-impersonating", stage: "MAIL"),
        Line(text: "user2@recipient.com SMTP error from remote mail server after HELO mx.sender.com: host server.recipient.com [zz.zz.zz.zz]: 550 Bad HELO - Host impersonating domain name [mx.sender.com]",
             receiver: "DirectAdmin", rule: "directadmin-domain", stage: "HELO"),
        // The message as a help article quotes it, with typographic dashes.
        Line(text: "550 Bad HELO – Host impersonating domain name [mx.sender.com]", receiver: "DirectAdmin", rule: "directadmin-domain", stage: "HELO"),
        // Each rule's message as logged.
        Line(text: "\"REJECTED - Bad HELO - Host impersonating [example.com]\"", receiver: "cPanel/WHM", rule: "cpanel-impersonating", stage: "MAIL"),
        Line(text: "550 \"REJECTED - Interface: 192.0.2.2 is _my_ address\"", receiver: "cPanel/WHM", rule: "cpanel-interface", stage: "MAIL"),
        Line(text: "Bad HELO - Host impersonating hostname [server.host.tld]", receiver: "DirectAdmin", rule: "directadmin-hostname", stage: "HELO"),
        Line(text: "Bad HELO - Host impersonating domain name [example.com]", receiver: "DirectAdmin", rule: "directadmin-domain", stage: "HELO"),
        Line(text: "REJECTED - Bad HELO - Host impersonating [example.com]", receiver: "Exim with a custom ACL", rule: "exim-wiki", stage: "HELO"),
        // How senders and client libraries see it.
        Line(text: "SMTP error from remote mail server after pipelined MAIL FROM:<a@b> SIZE=1234: 550 \"REJECTED - Bad HELO - Host impersonating [example.com]\"",
             receiver: "cPanel/WHM", rule: "cpanel-impersonating", stage: "MAIL"),
        Line(text: "Expected response code 250 but got code \"550\", with message \"550 Bad HELO - Host impersonating domain name [example.com]\"",
             receiver: "DirectAdmin", rule: "directadmin-domain", stage: "HELO"),
        // Pasted without the bracketed name, as PHPMailer and SwiftMailer users do.
        Line(text: "550 Bad HELO - Host impersonating domain name.", receiver: "DirectAdmin", rule: "directadmin-domain", stage: "HELO"),
        Line(text: "SMTP Error: 550 Bad HELO - Host impersonating hostname", receiver: "DirectAdmin", rule: "directadmin-hostname", stage: "HELO"),
        // Real Exim output of the replicas: DirectAdmin's literal name, the wiki recipe at HELO, HestiaCP at MAIL FROM.
        Line(text: "LOG: H=([192.0.2.2]) [203.0.113.10] rejected EHLO or HELO [192.0.2.2]: Bad HELO - Host impersonating hostname [[192.0.2.2]]",
             receiver: "DirectAdmin", rule: "directadmin-hostname", stage: "HELO"),
        Line(text: "LOG: H=(mx.server.host.tld) [203.0.113.10] rejected EHLO or HELO mx.server.host.tld: \"REJECTED - Bad HELO - Host impersonating [mx.server.host.tld]\"",
             receiver: "Exim with a custom ACL", rule: "exim-wiki", stage: "HELO"),
        Line(text: "LOG: H=([192.0.2.2]) [203.0.113.10] rejected MAIL <a@sender.tld>: 192.0.2.2 is _my_ address",
             receiver: "Exim with a custom ACL", rule: "exim-interface", stage: "MAIL"),
        Line(text: "SMTP error from remote mail server after EHLO [192.0.2.2]: 550 192.0.2.2 is _my_ address",
             receiver: "Exim with a custom ACL", rule: "exim-interface", stage: "HELO"),
        // The receivers' log lines.
        Line(text: "2024-05-01 10:00:00 H=(example.com) [203.0.113.10]:51234 rejected MAIL <alice@sender.tld>: \"REJECTED - Bad HELO - Host impersonating [example.com]\"",
             receiver: "cPanel/WHM", rule: "cpanel-impersonating", stage: "MAIL"),
        Line(text: "2024-05-01 10:00:00 H=(example.com) [203.0.113.10] rejected EHLO or HELO example.com: Bad HELO - Host impersonating domain name [example.com]",
             receiver: "DirectAdmin", rule: "directadmin-domain", stage: "HELO"),
    ]

    @Test(arguments: lines) func classifies(_ line: Line) throws {
        let r = try HelofixBinary.run(["explain", line.text])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Receiver: \(line.receiver)"), "\(r.stdout)")
        #expect(r.stdout.contains("Rule: \(line.rule), at the \(line.stage) stage"), "\(r.stdout)")
    }

    @Test func readsStandardInput() throws {
        let r = try HelofixBinary.run(["explain"], input: Self.lines[1].text + "\n")
        #expect(r.stdout.contains("Receiver: DirectAdmin"))
    }

    @Test func findsTheCauseOnTheReceivingServer() throws {
        let root = try Fixtures.migratedCPanel.writeToTemporaryDirectory(prefix: "helofix-explain")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let bounce = "SMTP error from remote mail server after pipelined MAIL FROM:<orders@shop.example.com> SIZE=100: 550 \"REJECTED - Bad HELO - Host impersonating [shop.example.com]\""
        let r = try HelofixBinary.run(["explain", "--root", root, bounce])
        #expect(r.stdout.contains("acl_requirehelonold"))
        #expect(r.stdout.contains("[rejected-helo-is-local-domain]"))
        #expect(r.stdout.contains("[orphan-local-domain]"))
        #expect(r.stdout.contains("fix: Remove shop.example.com's traces"))
        let other = try HelofixBinary.run(["explain", "--root", root, "550 Bad HELO - Host impersonating domain name [elsewhere.example]"])
        #expect(other.stdout.contains("Nothing on this server explains it"))
    }

    @Test func saysSoWhenThereIsNoRejection() throws {
        let r = try HelofixBinary.run(["explain", "421 Too many connections"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("paste the bounce"))
    }
}
