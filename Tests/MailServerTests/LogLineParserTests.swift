import MailServer
import Testing

/// Every log-line variant real servers write (and the bounces senders receive) is read into the
/// right record.
@Suite struct LogLineParserTests {
    struct Case: Sendable, CustomStringConvertible {
        var line: String
        var ip: String?
        var helo: String
        var rule: RejectionRule
        var stage: String
        var side = "receiver"
        var time: String? = "2024-05-01 10:00:00"
        var description: String { line }
    }

    static let cpanelMessage = "\"REJECTED - Bad HELO - Host impersonating [example.com]\""
    static let cases: [Case] = [
        // cPanel receiver, MAIL stage, with +incoming_port
        Case(line: "2024-05-01 10:00:00 H=(example.com) [203.0.113.10]:51234 rejected MAIL <alice@sender.tld>: \(cpanelMessage)",
             ip: "203.0.113.10", helo: "example.com", rule: .cpanelImpersonating, stage: "mail"),
        // H=[ip] (no greeting in parentheses)
        Case(line: "2024-05-01 10:00:00 H=[203.0.113.10] rejected MAIL <a@b>: \(cpanelMessage)",
             ip: "203.0.113.10", helo: "example.com", rule: .cpanelImpersonating, stage: "mail"),
        // H=name [ip]:port
        Case(line: "2024-05-01 10:00:00 H=example.com [203.0.113.10]:25 rejected MAIL <a@b>: \(cpanelMessage)",
             ip: "203.0.113.10", helo: "example.com", rule: .cpanelImpersonating, stage: "mail"),
        // H=name (helo) [ip] with I=, X=, CV=
        Case(line: "2024-05-01 10:00:00 H=web.example.net (example.com) [203.0.113.10]:4711 I=[192.0.2.10]:25 X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no rejected MAIL <a@b>: \(cpanelMessage)",
             ip: "203.0.113.10", helo: "example.com", rule: .cpanelImpersonating, stage: "mail"),
        // [pid] after the time stamp, milliseconds and time zone
        Case(line: "2024-05-01 10:00:00.123 +0200 [4711] H=(example.com) [203.0.113.10] rejected MAIL <a@b>: \(cpanelMessage)",
             ip: "203.0.113.10", helo: "example.com", rule: .cpanelImpersonating, stage: "mail", time: "2024-05-01 10:00:00.123 +0200"),
        // syslog prefix
        Case(line: "May  1 10:00:00 mx1 exim[4711]: H=(example.com) [203.0.113.10]:51234 rejected MAIL <a@b>: \(cpanelMessage)",
             ip: "203.0.113.10", helo: "example.com", rule: .cpanelImpersonating, stage: "mail", time: "May  1 10:00:00"),
        // IPv6 in brackets, fully expanded as Exim logs it, with port
        Case(line: "2024-05-01 10:00:00 H=(example.com) [2001:0db8:0000:0000:0000:0000:0000:0010]:51234 rejected MAIL <a@b>: \(cpanelMessage)",
             ip: "2001:db8::10", helo: "example.com", rule: .cpanelImpersonating, stage: "mail"),
        // cPanel Interface rule, as real Exim logs it on the cPanel replica: the address substituted.
        Case(line: "2024-05-01 10:00:00 H=([192.0.2.2]) [203.0.113.10]:51234 rejected MAIL <a@sender.tld>: \"REJECTED - Interface: 192.0.2.2 is _my_ address\"",
             ip: "203.0.113.10", helo: "[192.0.2.2]", rule: .cpanelInterface, stage: "mail"),
        Case(line: "LOG: H=([192.0.2.2]) [203.0.113.10] rejected MAIL <a@sender.tld>: \"REJECTED - Interface: 192.0.2.2 is _my_ address\"",
             ip: "203.0.113.10", helo: "[192.0.2.2]", rule: .cpanelInterface, stage: "mail", time: nil),
        // The wiki recipe's Interface rule at HELO, and HestiaCP's at MAIL FROM (real Exim output).
        Case(line: "LOG: H=([192.0.2.2]) [203.0.113.10] rejected EHLO or HELO [192.0.2.2]: 192.0.2.2 is _my_ address",
             ip: "203.0.113.10", helo: "[192.0.2.2]", rule: .eximInterface, stage: "helo", time: nil),
        Case(line: "LOG: H=([192.0.2.2]) [2001:0db8:0000:0000:0000:0000:0000:0010] rejected MAIL <a@sender.tld>: 192.0.2.2 is _my_ address",
             ip: "2001:db8::10", helo: "[192.0.2.2]", rule: .eximInterface, stage: "mail", time: nil),
        // DirectAdmin's hostname rule with the interface literal: the name is itself in brackets.
        Case(line: "LOG: H=([192.0.2.2]) [203.0.113.10] rejected EHLO or HELO [192.0.2.2]: Bad HELO - Host impersonating hostname [[192.0.2.2]]",
             ip: "203.0.113.10", helo: "[192.0.2.2]", rule: .directAdminHostname, stage: "helo", time: nil),
        // The wiki recipe quotes exactly like cPanel; its stage (HELO) tells them apart.
        Case(line: "LOG: H=(mx.server.host.tld) [203.0.113.10] rejected EHLO or HELO mx.server.host.tld: \"REJECTED - Bad HELO - Host impersonating [mx.server.host.tld]\"",
             ip: "203.0.113.10", helo: "mx.server.host.tld", rule: .eximWiki, stage: "helo", time: nil),
        // DirectAdmin, HELO stage
        Case(line: "2024-05-01 10:00:00 H=(example.com) [203.0.113.10] rejected EHLO or HELO example.com: Bad HELO - Host impersonating domain name [example.com]",
             ip: "203.0.113.10", helo: "example.com", rule: .directAdminDomain, stage: "helo"),
        Case(line: "2024-05-01 10:00:00 H=(da1.hostco.example) [203.0.113.10] rejected EHLO or HELO da1.hostco.example: Bad HELO - Host impersonating hostname [da1.hostco.example]",
             ip: "203.0.113.10", helo: "da1.hostco.example", rule: .directAdminHostname, stage: "helo"),
        // Exim wiki recipe
        Case(line: "2024-05-01 10:00:00 H=(Example.COM) [203.0.113.10] rejected EHLO or HELO Example.COM: REJECTED - Bad HELO - Host impersonating [Example.COM]",
             ip: "203.0.113.10", helo: "example.com", rule: .eximWiki, stage: "helo"),
        // exim -bh output
        Case(line: "LOG: H=(example.com) [203.0.113.10] rejected MAIL <a@sender.tld>: \(cpanelMessage)",
             ip: "203.0.113.10", helo: "example.com", rule: .cpanelImpersonating, stage: "mail", time: nil),
        // Sender side: bounces of our own mail
        Case(line: "2024-05-01 10:00:00 1tQabc-000AAA-01 ** user2@recipient.com R=dkim_lookuphost T=dkim_remote_smtp H=server.recipient.com [198.51.100.1]: SMTP error from remote mail server after pipelined MAIL FROM:<user1@sender.com> SIZE=3964: 550 \"REJECTED - Bad HELO - Host impersonating [mx.sender.com]\"",
             ip: nil, helo: "mx.sender.com", rule: .cpanelImpersonating, stage: "mail", side: "sender"),
        Case(line: "2024-05-01 10:00:00 1tQabc-000AAA-02 ** user2@recipient.com: SMTP error from remote mail server after HELO mx.sender.com: host server.recipient.com [198.51.100.1]: 550 Bad HELO - Host impersonating domain name [mx.sender.com]",
             ip: nil, helo: "mx.sender.com", rule: .directAdminDomain, stage: "helo", side: "sender"),
        Case(line: "2024-05-01 10:00:00 1tQabc-000AAA-03 ** u@r.example H=r.example [198.51.100.1]: SMTP error from remote mail server after MAIL FROM:<a@b> SIZE=10: 550 \"REJECTED - Bad HELO - Host impersonating [mx.sender.com]\"",
             ip: nil, helo: "mx.sender.com", rule: .cpanelImpersonating, stage: "mail", side: "sender"),
    ]

    @Test(arguments: cases) func readsVariant(_ c: Case) throws {
        let r = try #require(RejectionLineParser.parse(Substring(c.line), location: SourceLocation(file: "/log", line: 7)))
        #expect(r.ip == c.ip.flatMap(IPAddress.init))
        #expect(r.helo == c.helo)
        #expect(r.rule == c.rule)
        #expect(r.stage.rawValue == c.stage)
        #expect(r.side.rawValue == c.side)
        #expect(r.time == c.time)
        #expect(r.location.line == 7)
    }

    @Test(arguments: [
        "2024-05-01 10:00:00 SMTP connection from (example.com) [203.0.113.10]:51234 closed by DROP in ACL",
        "2024-05-01 10:00:00 1tQabc-000AAA-01 <= a@b H=mail.example.net [192.0.2.1] P=esmtps S=100 T=\"Host impersonating [x] is a scam\"",
        "2024-05-01 10:00:00 H=(ok.example.net) [203.0.113.10] rejected RCPT <a@b>: relay not permitted",
        "garbage impersonating",
    ])
    func ignoresOtherLines(_ line: String) {
        #expect(RejectionLineParser.parse(Substring(line), location: SourceLocation(file: "/log", line: 1)) == nil)
    }
}
