import Foundation
import Testing
import ServerFixtures
import TestSupport
@testable import MailServer

@Suite("Reading server trees into a snapshot")
struct SnapshotReaderTests {
    func read(_ tree: ServerTree) throws -> ServerSnapshot {
        let root = try TemporaryRoot(tree)
        defer { root.remove() }
        return try SnapshotReader(root: ServerRoot(root.path)).read()
    }

    @Test func migratedCPanelServer() throws {
        let s = try read(Fixtures.migratedCPanel)
        #expect(s.platform == .cpanel)
        #expect(s.hostname == "server1.hostco.example")
        let byName = Dictionary(uniqueKeysWithValues: s.domains.map { ($0.name, $0) })
        #expect(byName["shop.example.com"]?.lists == [.local])
        #expect(byName["shop.example.com"]?.owner == nil)
        #expect(byName["blog.alice.example.org"]?.owner == "alice")
        #expect(byName["bob.example.net"]?.owner == "bob")
        #expect(s.greetings.map(\.key) == [.domain("shop.example.com"), .default])
        #expect(!s.customMailhelo)
        #expect(s.settings.localDomainRule.enabled == true)
        #expect(s.settings.localDomainRule.source == "/etc/exim.conf.localopts:2")
        let skip = try #require(s.whitelist.first { $0.list == "skipsmtpcheckhosts" })
        #expect(skip.entry == "198.51.100.7" && !skip.bypassesHeloCheck)
        let shopTraces = Set(s.traces.filter { $0.domain == "shop.example.com" }.map(\.kind))
        #expect(shopTraces == [.mailhelo, .valiases, .zone, .namedConf])
        #expect(s.ips.map(\.address.description) == ["192.0.2.10", "192.0.2.11"])
        #expect(s.diagnostics.isEmpty)
    }

    /// The reader notes where each trace's domain sits in `domains` (the rules skip a look-up per
    /// trace with it): every hint names the trace's own domain, and every trace of a listed domain has one.
    @Test func traceHintsPointAtTheirDomains() throws {
        for (name, tree) in Fixtures.all {
            let s = try read(tree)
            let listed = Set(s.domains.map(\.name))
            for t in s.traces {
                if let p = t.domainPosition {
                    #expect(p < s.domains.count && s.domains[p].name == t.domain, "\(name): \(t.domain) hinted at \(p)")
                } else if [.valiases, .zone, .namedConf].contains(t.kind) && t.location.file.hasSuffix(t.domain + (t.kind == .zone ? ".db" : "")) {
                    #expect(!listed.contains(t.domain), "\(name): \(t.kind) trace of the listed \(t.domain) has no hint")
                }
            }
        }
        let s = try read(Fixtures.migratedCPanel)
        #expect(s.traces.contains { $0.domain == "shop.example.com" && $0.kind == .valiases && $0.domainPosition != nil })
    }

    @Test func cPanelDefaultsApplyWhenLocaloptsIsSilent() throws {
        var tree = Fixtures.clean
        tree.file("/etc/exim.conf.localopts", "some_other_option=1\n")
        let s = try read(tree)
        #expect(s.settings.hostnameRule == RuleSetting(enabled: true, source: "cPanel default (on)"))
        #expect(s.settings.localDomainRule == RuleSetting(enabled: false, source: "cPanel default (off)"))
    }

    @Test func hostnameCollisionServer() throws {
        let s = try read(Fixtures.hostnameCollision)
        #expect(s.hostname == "example.com")
        #expect(s.domains.first { $0.name == "example.com" }?.owner == "carol")
        #expect(s.customMailhelo)
    }

    @Test func directAdminServer() throws {
        let s = try read(Fixtures.directAdmin)
        #expect(s.platform == .directadmin)
        #expect(s.hostname == "da1.hostco.example")
        #expect(s.greetings.map(\.key) == [.ip("192.0.2.50"), .ip("2001:db8::50")])
        #expect(s.settings.whitelistHostsIPAccept == true)
        #expect(s.settings.hostnameRule.enabled == true && s.settings.localDomainRule.enabled == true)
        let w = try #require(s.whitelist.first { $0.list == "whitelist_hosts_ip" })
        #expect(w.bypassesHeloCheck)
        #expect(s.traces.contains { $0.domain == "shop.example.net" && $0.kind == .directadminDomainDir })
        #expect(s.domains.first { $0.name == "shop.example.net" }?.owner == "erin")
    }

    @Test func olderDirectAdminWithoutWhitelistAcceptDoesNotBypass() throws {
        var tree = Fixtures.directAdmin
        tree.file("/etc/exim.conf", "acl_check_helo:\n  drop message = HELO_IS_LOCAL_DOMAIN\n  accept\n")
        let s = try read(tree)
        #expect(s.settings.whitelistHostsIPAccept == false)
        #expect(s.settings.hostnameRule.enabled == false)
        #expect(s.whitelist.first { $0.list == "whitelist_hosts_ip" }?.bypassesHeloCheck == false)
    }

    @Test func plainDebianExim() throws {
        var tree = ServerTree()
        tree.file("/etc/hostname", "mx.example.org\n")
        tree.file("/etc/mailname", "example.org\n")
        tree.file("/etc/exim4/update-exim4.conf.conf", "dc_eximconfig_configtype='internet'\ndc_other_hostnames='example.org;lists.example.org'\n")
        let s = try read(tree)
        #expect(s.platform == .exim)
        #expect(s.domains.map(\.name) == ["example.org", "lists.example.org"])
        #expect(s.diagnostics.map(\.problem) == [.hostnameMismatch])
    }

    @Test func missingListsReadAsEmptyAndAreMarkedAbsent() throws {
        let s = try read(Fixtures.clean)
        #expect(s.files.contains { $0.path == "/etc/backupmxhosts" && !$0.present })
        #expect(s.files.contains { $0.path == "/etc/localdomains" && $0.present })
    }

    @Test func hostileServerBecomesDiagnosticsNotACrash() throws {
        let s = try read(Fixtures.hostile)
        func has(_ p: Diagnostic.Problem, _ file: String, _ line: Int?) -> Bool {
            s.diagnostics.contains { $0.problem == p && $0.location.file == file && $0.location.line == line }
        }
        #expect(has(.crlfLineEnding, "/etc/localdomains", 1))
        #expect(has(.invisibleEntry, "/etc/localdomains", 2))
        #expect(has(.duplicateKey, "/etc/localdomains", 4))
        #expect(has(.nonUTF8, "/etc/localdomains", 5))
        #expect(has(.missingFinalNewline, "/etc/localdomains", 6))
        #expect(has(.unquotedIPv6, "/etc/skipsmtpcheckhosts", 1))
        #expect(has(.invalidEntry, "/etc/skipsmtpcheckhosts", 3))
        #expect(has(.binaryContent, "/etc/skipsmtpcheckhosts", 5))
        #expect(has(.hugeLine, "/etc/skipsmtpcheckhosts", 6))
        #expect(has(.invalidEntry, "/etc/alwaysrelay", 1))
        #expect(has(.invisibleEntry, "/etc/alwaysrelay", 3))
        #expect(has(.unterminatedQuote, "/etc/mailhelo", 2))
        #expect(has(.invalidEntry, "/etc/mailhelo", 3))
        #expect(has(.malformedSetting, "/etc/exim.conf.localopts", 1))
        #expect(has(.symlinkLoop, "/etc/trustedmailhosts", nil))
        #expect(has(.notRegularFile, "/etc/secondarymx", nil))
        #expect(s.locks == [LockFileInfo(path: "/etc/remotedomains.lock", target: "/etc/remotedomains", pid: 999_999,
                                         program: "/usr/local/cpanel/bin/whatever", holderAlive: false)])
        #expect(s.domains.contains { $0.name == "last.example.com" })
        #expect(!s.domains.contains { $0.name == "hidden.example.com" })
        #expect(s.whitelist.contains { $0.entry == "0.0.0.0/0" && $0.kind == .cidr4 })
    }

    @Test func unreadableFilesAreReportedAndTheRestIsRead() throws {
        let root = try TemporaryRoot(Fixtures.clean)
        defer { root.remove() }
        // As root, permissions do not stop reads; a directory entry that cannot be opened does.
        try FileManager.default.removeItem(atPath: root.host("/etc/userdomains"))
        mkfifo(root.host("/etc/userdomains"), 0o644)
        let s = try SnapshotReader(root: ServerRoot(root.path)).read()
        #expect(s.diagnostics.contains { $0.problem == .notRegularFile && $0.location.file == "/etc/userdomains" })
        #expect(s.domains.contains { $0.name == "dave.example.org" })
    }

    @Test func rootErrors() throws {
        #expect(throws: SnapshotError.noSuchRoot("/nonexistent/helofix")) { () throws(SnapshotError) in
            try SnapshotReader(root: ServerRoot("/nonexistent/helofix")).read()
        }
        let empty = try TemporaryRoot.empty()
        defer { empty.remove() }
        #expect(throws: SnapshotError.notAMailServer(empty.path)) { () throws(SnapshotError) in try SnapshotReader(root: ServerRoot(empty.path)).read() }
    }

    @Test func aLiveLockHolderIsNotStale() throws {
        var tree = Fixtures.clean
        tree.file("/etc/localdomains.lock", "\(getpid())\nhelofix-test\n")
        let s = try read(tree)
        #expect(s.locks.first?.holderAlive == true)
    }
}
