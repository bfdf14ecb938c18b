import Foundation
import Testing
import TestSupport

/// `explain --format json` reads pasted messages with and without the bracketed name and names the
/// platform by stage and wording; other HELO rules are answered as such, not as impersonation.
@Suite struct ExplainJSONTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var expected: [String: String?]
        var impersonation = true
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "550 Bad HELO - Host impersonating domain name [example.com]",
             expected: ["platform": "directadmin", "rule": "directadmin-domain", "stage": "helo", "greeting": "example.com", "side": "sender", "ip": nil]),
        // As PHPMailer and SwiftMailer users paste it: no bracketed name.
        Case(text: "SMTP ERROR: HELO command failed: 550 Bad HELO - Host impersonating domain name.",
             expected: ["platform": "directadmin", "rule": "directadmin-domain", "stage": "helo", "greeting": nil, "side": "sender"]),
        Case(text: "Expected response code 250 but got code \"550\", with message \"550 Bad HELO - Host impersonating hostname\"",
             expected: ["platform": "directadmin", "rule": "directadmin-hostname", "stage": "helo", "greeting": nil]),
        // cPanel's quoted words at MAIL FROM; the same words at HELO are a custom ACL; without a stage, unknown.
        Case(text: "SMTP error from remote mail server after pipelined MAIL FROM:<a@b> SIZE=1234: 550 \"REJECTED - Bad HELO - Host impersonating [mx.sender.com]\"",
             expected: ["platform": "cpanel", "rule": "cpanel-impersonating", "stage": "mail", "greeting": "mx.sender.com"]),
        Case(text: "2026-11-25 10:00:00 H=(mx.server.host.tld) [203.0.113.10] rejected EHLO or HELO mx.server.host.tld: \"REJECTED - Bad HELO - Host impersonating [mx.server.host.tld]\"",
             expected: ["platform": "exim", "rule": "exim-wiki", "stage": "helo", "greeting": "mx.server.host.tld", "side": "receiver", "ip": "203.0.113.10"]),
        Case(text: "550 \"REJECTED - Bad HELO - Host impersonating [example.com]\"",
             expected: ["platform": "unknown", "rule": "cpanel-impersonating", "greeting": "example.com"]),
        Case(text: "2026-11-25 10:00:00 H=([192.0.2.2]) [203.0.113.10]:4000 rejected MAIL <a@b>: \"REJECTED - Interface: 192.0.2.2 is _my_ address\"",
             expected: ["platform": "cpanel", "rule": "cpanel-interface", "stage": "mail", "greeting": "[192.0.2.2]", "ip": "203.0.113.10"]),
        Case(text: "2026-11-25 10:00:00 H=([192.0.2.2]) [203.0.113.10] rejected MAIL <a@b>: 192.0.2.2 is _my_ address",
             expected: ["platform": "exim", "rule": "exim-interface", "stage": "mail", "greeting": "[192.0.2.2]"]),
        // Other HELO rules: syntax, not impersonation.
        Case(text: "2026-11-25 10:00:00 H=(198.51.100.1) [203.0.113.10] rejected EHLO or HELO 198.51.100.1: HELO is an IP address (See RFC2821 4.1.3)",
             expected: ["platform": "directadmin", "rule": "helo-is-ip", "stage": "helo", "greeting": "198.51.100.1", "ip": "203.0.113.10", "side": "receiver"], impersonation: false),
        Case(text: "SMTP error from remote mail server after MAIL FROM:<a@b>: 550 Access denied - Invalid HELO name (See RFC2821 4.1.3)",
             expected: ["platform": "cpanel", "rule": "helo-is-ip", "stage": "mail"], impersonation: false),
    ]

    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try HelofixBinary.run(["explain", "--format", "json"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(r.stdout)")
    }

    @Test(arguments: cases) func readsTheMessage(_ c: Case) throws {
        let object = try Self.json([c.text])
        #expect(object["impersonation"] as? Bool == c.impersonation)
        for (key, value) in c.expected {
            if let value {
                #expect(object[key] as? String == value, "\(key)")
            } else {
                #expect(object[key] is NSNull, "\(key) should be null")
            }
        }
        #expect(object["setting"] == nil, "no setting without --root")
    }

    @Test func withRootNamesTheSettingThatRefusedIt() throws {
        var cpanel = EximReplica(.cpanel)
        cpanel.requireHeloNoLD = true
        let c = try ReplicaServer(cpanel)
        defer { c.remove() }
        let hostname = try Self.json(["--root", c.root.path, "550 \"REJECTED - Bad HELO - Host impersonating [server.host.tld]\""])
        #expect(hostname["setting"] as? String == "acl_requirehelonold", "the hostname is in /etc/localdomains; requirehelonoforge cannot fire")
        let d = try ReplicaServer(EximReplica(.directAdmin4543))
        defer { d.remove() }
        let domain = try Self.json(["--root", d.root.path, "550 Bad HELO - Host impersonating domain name [example.com]"])
        #expect(domain["setting"] as? String == "HELO_IS_LOCAL_DOMAIN")
        let ip = try Self.json(["--root", d.root.path, "550 HELO is an IP address (See RFC2821 4.1.3)"])
        #expect(ip["setting"] as? String == "HELO_IS_IP")
        #expect(ip["impersonation"] as? Bool == false)
    }
}
