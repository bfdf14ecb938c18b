import Diagnosis
import MailServer
import ProcessLaunch
import ServerFixtures
import Testing

/// Every rule fires on a fixture made to show it, and stays quiet where it must.
@Suite struct RuleTests {
    static let migrated = Result { try ServerUnderTest(Fixtures.migratedCPanel) }
    static let clean = Result { try ServerUnderTest(Fixtures.clean) }

    @Test func cleanServerHasNoCriticalOrWarningFinding() throws {
        let s = try Self.clean.get()
        #expect(s.findings.filter { $0.severity != .info }.isEmpty, "\(s.findings.map(\.title))")
    }

    /// The traces carry the reader's positions of their domains as a hint; a snapshot changed after
    /// the read (domains moved or removed, as a console re-read or a test may do) must not fool the rules.
    @Test func rulesIgnoreStaleTracePositions() throws {
        let s = try Self.migrated.get()
        var moved = s.snapshot
        moved.domains.reverse()
        #expect(moved.traces.contains { $0.domainPosition != nil })
        let expected = s.findings.map(\.id).sorted()
        #expect(FindingEngine().evaluate(moved, rejections: s.logs.groups).map(\.id).sorted() == expected)
        // Without the owned domains the stale-trace rule must see their traces as unhosted.
        var removed = s.snapshot
        removed.domains.removeAll { $0.owner != nil }
        let fresh = FindingEngine().evaluate(removed, rejections: s.logs.groups)
        var unhinted = removed
        unhinted.traces = removed.traces.map { DomainTrace(domain: $0.domain, kind: $0.kind, location: $0.location) }
        #expect(fresh.map(\.id).sorted() == FindingEngine().evaluate(unhinted, rejections: s.logs.groups).map(\.id).sorted())
        #expect(fresh.map(\.id).sorted() != expected)
    }

    @Test func hostnameIsHostedDomain() throws {
        let s = try ServerUnderTest(Fixtures.hostnameCollision)
        #expect(s.fires(.hostnameIsHostedDomain, about: "example.com"))
        #expect(s.findings(.hostnameIsHostedDomain).first?.severity == .critical)
        #expect(s.findings(.hostnameIsHostedDomain).first?.remedies.first?.suggestion == .renameHostname(current: "example.com"))
        #expect(try Self.migrated.get().findings(.hostnameIsHostedDomain).isEmpty)
    }

    @Test func rejectedHeloIsHostname() throws {
        let s = try Self.migrated.get()
        let f = try #require(s.findings(.rejectedHeloIsHostname).first)
        #expect(f.subjects.contains(.ip(IPAddress("198.51.100.7")!)))
        #expect(f.severity == .critical)
        guard case .log(let group) = f.evidence.first else { Issue.record("no log evidence"); return }
        #expect(group.count == 9) // three days, hours 11, 14 and 17 (MailLogs.migratedCPanel)
        #expect(f.remedies.contains { if case .whitelistSender("198.51.100.7") = $0.suggestion { true } else { false } })
        #expect(f.remedies.contains { $0.tradeOff.contains("floods this server") })
        #expect(f.remedies[0].title.contains("greeting"))
        #expect(try Self.clean.get().findings(.rejectedHeloIsHostname).isEmpty)
    }

    @Test func rejectedHeloIsHostnameOnDirectAdmin() throws {
        let line = "2026-11-25 10:00:00 H=(da1.hostco.example) [203.0.113.31] rejected EHLO or HELO da1.hostco.example: Bad HELO - Host impersonating hostname [da1.hostco.example]\n"
        let s = try ServerUnderTest(Fixtures.directAdmin.with("/var/log/exim/mainlog", line))
        let f = try #require(s.findings(.rejectedHeloIsHostname).first)
        #expect(f.explanation.contains("HELO_HOST_IMPERSANATION"))
        // SMTP AUTH comes after EHLO, so it is no remedy on DirectAdmin; the whitelist names whitelist_hosts_ip.
        #expect(!f.remedies.contains { $0.title.contains("authenticate") })
        #expect(f.remedies.last?.title.contains("/etc/virtual/whitelist_hosts_ip") == true)
    }

    @Test func interfaceRuleCountsAsGreetingWithOurOwnName() throws {
        let line = "2026-11-25 10:00:00 H=([192.0.2.10]) [203.0.113.50]:4000 rejected MAIL <a@b>: \"REJECTED - Interface: 192.0.2.10 is _my_ address\"\n"
        let s = try ServerUnderTest(Fixtures.clean.with("/var/log/exim_mainlog", line))
        let f = try #require(s.findings(.rejectedHeloIsHostname).first)
        #expect(f.subjects == [.hostName("[192.0.2.10]"), .ip(IPAddress("203.0.113.50")!)])
        #expect(f.explanation.contains("NAT"))
    }

    @Test func rejectedHeloIsLocalDomain() throws {
        let s = try Self.migrated.get()
        let f = try #require(s.findings(.rejectedHeloIsLocalDomain).first)
        #expect(f.subjects.first == .domain("shop.example.com"))
        #expect(f.remedies.first?.suggestion == .removeDomainTraces("shop.example.com"))
        #expect(f.explanation.contains("acl_requirehelonold") || f.explanation.contains("local-domain rule on"))
        // The same log after the domain was removed from localdomains: no longer a finding.
        let fixed = Fixtures.migratedCPanel.with("/etc/localdomains", "server1.hostco.example\nalice.example.org\nblog.alice.example.org\nbob.example.net\n", mode: 0o640)
        #expect(try ServerUnderTest(fixed).findings(.rejectedHeloIsLocalDomain).isEmpty)
    }

    @Test func rejectedLocalDomainOnDirectAdminAdvisesTheSender() throws {
        let s = try ServerUnderTest(Fixtures.directAdmin)
        let f = try #require(s.findings(.rejectedHeloIsLocalDomain).first)
        #expect(f.explanation.contains("HELO_IS_LOCAL_DOMAIN"))
        guard case .advice(let text) = f.remedies[0].suggestion else { Issue.record("sender advice first"); return }
        for setting in ["$mail->Helo", "local_domain", "setLocalDomain", "nodemailer name", "smtp_helo_name", "helo_data"] {
            #expect(text.contains(setting), "\(setting)")
        }
        // SMTP AUTH does not help on DirectAdmin (EHLO comes before AUTH), so it is not offered.
        #expect(!f.remedies.contains { $0.title.contains("authenticate") })
    }

    @Test func orphanLocalDomainButNotTheHostname() throws {
        let s = try Self.migrated.get()
        #expect(s.fires(.orphanLocalDomain, about: "shop.example.com"))
        #expect(!s.fires(.orphanLocalDomain, about: "server1.hostco.example"))
        #expect(try Self.clean.get().findings(.orphanLocalDomain).isEmpty)
    }

    @Test func localAndRemoteDomain() throws {
        let s = try ServerUnderTest(Fixtures.clean.with("/etc/remotedomains", "dave.example.org\n"))
        #expect(s.fires(.localAndRemoteDomain, about: "dave.example.org"))
        #expect(try Self.clean.get().findings(.localAndRemoteDomain).isEmpty)
    }

    @Test func staleDomainTraces() throws {
        let tree = Fixtures.clean.with("/etc/valiases/gone.example.com", "*: :fail:\n").with("/var/named/gone.example.com.db", "$TTL 300\n")
            .with("/etc/mailips", "gone.example.com: 192.0.2.11\n")
        let s = try ServerUnderTest(tree)
        let f = try #require(s.findings(.staleDomainTraces).first)
        #expect(f.subjects == [.domain("gone.example.com")])
        #expect(f.evidence.count == 3)
        #expect(f.remedies.first?.suggestion == .removeDomainTraces("gone.example.com"))
        // dave's own alias file and zone are not stale.
        #expect(try Self.clean.get().findings(.staleDomainTraces).isEmpty)
    }

    @Test func greetingIsHostedDomain() throws {
        #expect(try Self.migrated.get().fires(.greetingIsHostedDomain, about: "shop.example.com"))
        let ok = Fixtures.clean.with("/etc/mailhelo", "dave.example.org: mail.hostco.example\n", mode: 0o640).with("/var/cpanel/custom_mailhelo", "")
        #expect(try ServerUnderTest(ok).findings(.greetingIsHostedDomain).isEmpty)
    }

    @Test func ineffectiveWhitelist() throws {
        let s = try Self.migrated.get()
        let f = try #require(s.findings(.ineffectiveWhitelist).first)
        #expect(f.subjects.first == .ip(IPAddress("198.51.100.7")!))
        #expect(f.explanation.contains("skipsmtpcheckhosts"))
        // In alwaysrelay the IP is accepted before the checks: not ineffective (but relaying is flagged).
        let moved = Fixtures.migratedCPanel.with("/etc/skipsmtpcheckhosts", "").with("/etc/alwaysrelay", "198.51.100.7\n")
        let m = try ServerUnderTest(moved)
        #expect(m.findings(.ineffectiveWhitelist).isEmpty)
        #expect(m.findings(.relayWhitelist).count == 1)
    }

    @Test func ineffectiveWhitelistOnOldDirectAdmin() throws {
        let oldConf = Fixtures.directAdmin.with("/etc/virtual/whitelist_hosts_ip", "203.0.113.30\n")
            .with("/etc/exim.conf", DirectAdminConf.spamBlocker44)
        let s = try ServerUnderTest(oldConf)
        let f = try #require(s.findings(.ineffectiveWhitelist).first)
        #expect(f.explanation.contains("4.4"))
        // SpamBlocker 4.5 accepts +whitelist_hosts_ip first: the same entry works.
        let newConf = Fixtures.directAdmin.with("/etc/virtual/whitelist_hosts_ip", "203.0.113.30\n")
        #expect(try ServerUnderTest(newConf).findings(.ineffectiveWhitelist).isEmpty)
    }

    @Test func unquotedIPv6() throws {
        let s = try ServerUnderTest(Fixtures.clean.with("/etc/skipsmtpcheckhosts", "2001:db8::25\n"))
        #expect(s.findings(.unquotedIPv6).count == 1)
        let ok = try ServerUnderTest(Fixtures.clean.with("/etc/skipsmtpcheckhosts", "\"2001:db8::25\"\n"))
        #expect(ok.findings(.unquotedIPv6).isEmpty)
    }

    @Test func invisibleEntry() throws {
        let s = try ServerUnderTest(Fixtures.clean.with("/etc/alwaysrelay", "  198.51.100.99\n"))
        #expect(s.findings(.invisibleEntry).count == 1)
        #expect(try ServerUnderTest(Fixtures.clean.with("/etc/skipsmtpcheckhosts", "198.51.100.99\n")).findings(.invisibleEntry).isEmpty)
    }

    @Test func invalidEntry() throws {
        let s = try ServerUnderTest(Fixtures.clean.with("/etc/skipsmtpcheckhosts", "300.1.2.3\n"))
        #expect(s.findings(.invalidEntry).count == 1)
        #expect(try Self.clean.get().findings(.invalidEntry).isEmpty)
    }

    @Test func broadWhitelist() throws {
        let s = try ServerUnderTest(Fixtures.clean.with("/etc/skipsmtpcheckhosts", "10.0.0.0/8\n\"2001:db8::/32\"\n192.0.2.0/24\n\"2001:db8:1::/48\"\n"))
        #expect(s.findings(.broadWhitelist).map { $0.evidence.first.map { if case .file(let l, _) = $0 { l.line ?? 0 } else { 0 } } } == [1, 2])
    }

    @Test func relayWhitelist() throws {
        #expect(try ServerUnderTest(Fixtures.clean.with("/etc/alwaysrelay", "198.51.100.25\n")).findings(.relayWhitelist).count == 1)
        #expect(try ServerUnderTest(Fixtures.clean.with("/etc/skipsmtpcheckhosts", "198.51.100.25\n")).findings(.relayWhitelist).isEmpty)
    }

    @Test func mailheloNotPersistent() throws {
        #expect(try Self.migrated.get().findings(.mailheloNotPersistent).count == 1)
        #expect(try ServerUnderTest(Fixtures.hostnameCollision).findings(.mailheloNotPersistent).isEmpty)
    }

    @Test func staleLock() throws {
        // The PID of a process that has exited is certainly dead.
        let done = try ChildProcess.start(["/bin/true"], stdout: .null, stderr: .null)
        done.wait()
        let s = try ServerUnderTest(Fixtures.clean.with("/etc/remotedomains.lock", "\(done.pid)\n/usr/local/cpanel/bin/whatever\n"))
        #expect(s.fires(.staleLock, about: "/etc/remotedomains"))
        // A lock held by a live process (this test) is not stale.
        let live = Fixtures.clean.with("/etc/remotedomains.lock", "\(getpid())\ntest\n")
        #expect(try ServerUnderTest(live).findings(.staleLock).isEmpty)
    }

    @Test func hostnameNotLocal() throws {
        let s = try ServerUnderTest(Fixtures.clean.with("/etc/localdomains", "dave.example.org\n", mode: 0o640))
        #expect(s.fires(.hostnameNotLocal, about: "mail.hostco.example"))
        #expect(s.findings(.hostnameNotLocal).first?.severity == .info)
        #expect(try Self.clean.get().findings(.hostnameNotLocal).isEmpty)
    }

    @Test func checkDisabled() throws {
        // cPanel's default: the local-domain rule (requirehelonold) is off.
        let f = try #require(try Self.clean.get().findings(.checkDisabled).first)
        #expect(f.title.contains("acl_requirehelonold"))
        #expect(f.severity == .info)
        #expect(try Self.migrated.get().findings(.checkDisabled).isEmpty)
    }

    @Test func findingsAreSortedBySeverity() throws {
        let severities = try Self.migrated.get().findings.map(\.severity)
        #expect(severities == severities.sorted())
    }
}

import Foundation
