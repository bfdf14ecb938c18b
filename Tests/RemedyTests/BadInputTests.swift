import Foundation
import MailServer
import Remedy
import ServerFixtures
import Testing

/// Bad input is refused with a one-line reason, and nothing is written.
@Suite struct BadInputTests {
    func refusal(_ s: Scenario, _ request: RemedyRequest, force: Bool = false) -> RemedyError? {
        RemedyError.from { _ = try s.plan(request, force: force) }
    }

    @Test(arguments: ["", "Server1.Example.com", "no-dot", "-bad.example.com", "bad-.example.com", "a..example.com",
                      "under_score.example.com", "ex ample.com", "x.example.com\n", "192.0.2.1", "mail.example.123",
                      String(repeating: "a", count: 50) + ".example.com"])
    func invalidHostnamesAreRefused(_ name: String) throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let before = s.tree()
        let error = try #require(refusal(s, .renameHostname(name)))
        #expect(error.kind == .invalidInput)
        #expect(!error.message.contains("\n"), "one line: \(error.message)")
        #expect(s.tree() == before)
    }

    @Test func hostnameMustNotBeAHostedOrOwnedDomain() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        #expect(refusal(s, .renameHostname("bob.example.net"))?.message.contains("owned by the account bob") == true)
        #expect(refusal(s, .renameHostname("shop.example.com"))?.message.contains("hosted here") == true)
        #expect(refusal(s, .renameHostname("server1.hostco.example"))?.kind == .notApplicable)
    }

    @Test(arguments: ["mail.example.com\n*: evil.example.net", "mail.example.com: x", "mail example.com", "mail.example.com\t",
                      "\"mail.example.com\"", "mail.example.com#", "mail.example.com\r"])
    func greetingInjectionIsRefused(_ name: String) throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let error = try #require(refusal(s, .setGreeting(key: "bob.example.net", name: name)))
        #expect(error.kind == .invalidInput && !error.message.contains("\n"))
        let keyError = try #require(refusal(s, .setGreeting(key: "bob.example.net\n*", name: "mail.example.com")))
        #expect(keyError.kind == .invalidInput)
        #expect(refusal(s, .removeGreeting(key: "bob.example.net: x"))?.kind == .invalidInput)
    }

    @Test func bareHostedDomainGreetingNeedsForce() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        #expect(refusal(s, .setGreeting(key: "*", name: "alice.example.org"))?.message.contains("--force") == true)
        #expect(refusal(s, .setGreeting(key: "*", name: "alice.example.org"), force: true) == nil)
    }

    @Test(arguments: ["300.1.1.1", "198.51.100.0/33", "198.51.100.1 198.51.100.2", "198.51.100.1\n10.0.0.0/8", "host.example.com",
                      "2001:db8::/129", "\"2001:db8::1\"", "198.51.100.1;0.0.0.0/0", ""])
    func invalidAddressesAreRefused(_ value: String) throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        let error = try #require(refusal(s, .whitelist(value)))
        #expect(error.kind == .invalidInput && !error.message.contains("\n"))
    }

    @Test func overBroadRangesNeedForce() throws {
        let s = try Scenario(Fixtures.directAdmin)
        defer { s.remove() }
        #expect(refusal(s, .whitelist("10.0.0.0/8"))?.message.contains("wider than /16") == true)
        #expect(refusal(s, .whitelist("2001:db8::/32"))?.message.contains("wider than /48") == true)
        #expect(refusal(s, .whitelist("10.0.0.0/8"), force: true) == nil)
        #expect(refusal(s, .whitelist("10.1.0.0/16")) == nil)
        // Already covered by a list that bypasses the check: nothing to add.
        #expect(refusal(s, .whitelist("192.0.2.77"))?.kind == .notApplicable)
    }

    @Test func removeDomainRefusals() throws {
        let s = try Scenario(Fixtures.migratedCPanel)
        defer { s.remove() }
        #expect(refusal(s, .removeDomain("server1.hostco.example"))?.message.contains("hostname") == true)
        #expect(refusal(s, .removeDomain("bob.example.net"))?.message.contains("still owned by the account bob") == true)
        #expect(refusal(s, .removeDomain("nowhere.example.org"))?.kind == .notApplicable)
        #expect(refusal(s, .removeDomain("shop.example.com:x"))?.kind == .invalidInput)
    }

    @Test func plainEximHasNoPanelFiles() throws {
        var tree = ServerTree()
        tree.file("/etc/hostname", "mx.example.net\n")
        tree.file("/etc/exim4/update-exim4.conf.conf", "dc_eximconfig_configtype='internet'\ndc_other_hostnames='example.net'\n")
        tree.file("/etc/mailname", "mx.example.net\n")
        let s = try Scenario(tree)
        defer { s.remove() }
        let snapshot = try s.snapshot()
        try #require(snapshot.platform == .exim)
        #expect(try s.plan(.renameHostname("mx2.example.net")).commands.first?.commandLine == "/usr/bin/hostnamectl set-hostname mx2.example.net")
        #expect(refusal(s, .whitelist("198.51.100.7"))?.kind == .notApplicable)
        #expect(refusal(s, .setGreeting(key: "*", name: "mx.example.net"))?.kind == .notApplicable)
    }
}
