import Foundation
import Testing
import ServerFixtures
import TestSupport
@testable import MailServer

/// The snapshot keeps the traces of listed domains compact and makes them when asked: whichever
/// way they are asked for, they are the traces a read keeping every trace whole gives, in order.
@Suite("Compact traces are the traces a whole read gives")
struct TraceListTests {
    /// A cPanel tree with listed, owned, orphaned and unlisted domains, names on disk in upper
    /// case, odd suffixes, and stanzas for listed and unlisted domains.
    static func tree(_ seed: UInt64) -> ServerTree {
        var random = SeededGenerator(seed: seed)
        var tree = Fixtures.migratedCPanel
        let listed = (0..<60).map { "d\($0).example" }
        tree.file("/etc/localdomains", (["shop.example.com"] + listed).joined(separator: "\n") + "\n")
        tree.file("/etc/userdomains", listed.enumerated().filter { $0.offset % 4 != 0 }.map { "\($0.element): u\($0.offset % 3)\n" }.joined())
        tree.file("/etc/mailhelo", "d1.example: mail.d1.example\ngone1.example: mail.gone1.example\n*: host.example\n")
        tree.file("/etc/mailips", "d2.example: 192.0.2.2\ngone2.example: 192.0.2.3\n")
        let names = listed + (0..<20).map { "gone\($0).example" } + ["D3.example", "Gone5.Example", "caf\u{E9}.example", "nodot", ".hidden.example"]
        var stanzas = ""
        for name in names.shuffled(using: &random) {
            switch Int.random(in: 0..<6, using: &random) {
            case 0: tree.file("/etc/valiases/\(name)", "")
            case 1: tree.file("/etc/vfilters/\(name)", "")
            case 2: tree.file("/var/named/\(name).db", "")
            case 3: tree.file("/var/named/\(name).db.bak", "")
            case 4: tree.file("/etc/vdomainaliases/\(name)", "")
            default: break
            }
            if Int.random(in: 0..<3, using: &random) == 0 { tree.file("/var/named/\(name).db", "") }
            if Int.random(in: 0..<2, using: &random) == 0 { stanzas += "zone \"\(name)\(Bool.random(using: &random) ? "." : "")\" {\n};\n" }
        }
        tree.file("/var/named/.db", "")
        tree.file("/etc/named.conf", stanzas + "zone \"shop.example.com\" {\n};\n")
        return tree
    }

    func reads(_ tree: ServerTree) throws -> (compact: ServerSnapshot, whole: ServerSnapshot) {
        let root = try TemporaryRoot(tree)
        defer { root.remove() }
        let compact = try SnapshotReader(root: ServerRoot(root.path)).read()
        var whole = SnapshotReader(root: ServerRoot(root.path))
        whole.compactTraces = false
        return (compact, try whole.read())
    }

    @Test(arguments: 1...8 as ClosedRange<UInt64>)
    func compactTracesAreTheWholeOnes(seed: UInt64) throws {
        let (compact, whole) = try reads(Self.tree(seed))
        #expect(compact.traceList.count == whole.traceList.count)
        #expect(compact.traces == whole.traces)
        #expect(compact.traces.map(\.domainPosition) == whole.traces.map(\.domainPosition))
        #expect(compact.traces.count > 60)
        // Most are compact: the listed domains' directory files and stanzas.
        #expect(compact.traces.contains { $0.domainPosition != nil && $0.kind == .namedConf })
        #expect(compact.traces.contains { $0.domainPosition == nil && $0.kind == .zone })

        // One domain's traces, or several at once, are the list's own in order.
        let everyName = Set(whole.traces.map(\.domain)).union(["absent.example", "d0.example"])
        let grouped = compact.traces(of: everyName)
        for name in everyName {
            let expected = whole.traces.filter { $0.domain == name }
            #expect(compact.traces(of: name) == expected, "\(name)")
            #expect(grouped[name] ?? [] == expected, "\(name)")
            #expect(compact.traces(of: name).map(\.domainPosition) == expected.map(\.domainPosition), "\(name)")
        }

        // Leaving out the traces of some positions leaves out exactly those of compact traces.
        let skipped = { (p: Int) in p % 2 == 0 }
        var kept: [DomainTrace] = []
        compact.forEachTrace(skippingDomainsAt: skipped) { kept.append($0) }
        // (In a read, exactly the traces with a position are compact.)
        #expect(kept == compact.traces.filter { t in t.domainPosition.map { !skipped($0) } ?? true })
        #expect(kept.count < compact.traces.count)

        // Encoded, both give the same bytes.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(compact) == encoder.encode(whole))
        let decoded = try JSONDecoder().decode(ServerSnapshot.self, from: encoder.encode(compact))
        #expect(decoded.traces == whole.traces)
    }

    /// DirectAdmin's zones (`/var/named`, Debian's `/etc/bind` and both `named.conf`s) and its
    /// per-domain directories: the same traces either way.
    @Test func directAdminTracesAreTheWholeOnes() throws {
        var tree = Fixtures.directAdmin
        tree.file("/etc/bind/erin.example.org.db", "")
        tree.file("/etc/bind/Gone.example.db", "")
        tree.file("/etc/bind/named.conf", "zone \"erin.example.org\" {\n};\nzone \"gone.example\" {\n};\n")
        tree.file("/etc/named.conf", "zone \"shop.example.net.\" {\n};\n")
        tree.file("/var/named/gone2.example.db", "")
        tree.file("/etc/virtual/shop.example.net/aliases", "")
        let (compact, whole) = try reads(tree)
        #expect(compact.platform == .directadmin)
        #expect(compact.traces == whole.traces)
        #expect(compact.traces.map(\.domainPosition) == whole.traces.map(\.domainPosition))
        #expect(compact.traces.contains { $0.domainPosition != nil && $0.kind == .zone && $0.location.file.hasPrefix("/etc/bind/") })
        #expect(compact.traces(of: "erin.example.org") == whole.traces.filter { $0.domain == "erin.example.org" })
        #expect(compact.traces(of: "erin.example.org").count == 2)
    }

    /// Once the snapshot's domains change, positions are no longer trusted: every trace is passed on
    /// (the rules judge them by name), still named as read.
    @Test func changedDomainsPassEveryTrace() throws {
        let (compact, whole) = try reads(Self.tree(3))
        var changed = compact
        changed.domains.reverse()
        var all: [DomainTrace] = []
        changed.forEachTrace(skippingDomainsAt: { _ in true }) { all.append($0) }
        #expect(all == whole.traces)
        #expect(changed.traces == whole.traces)
        #expect(changed.traces(of: "d7.example") == whole.traces.filter { $0.domain == "d7.example" })
        var unchanged: [DomainTrace] = []
        compact.forEachTrace(skippingDomainsAt: { _ in true }) { unchanged.append($0) }
        #expect(unchanged == whole.traces.filter { $0.domainPosition == nil })
    }

    /// Traces set by hand replace the read ones and stay as given.
    @Test func assignedTracesAreKeptAsGiven() throws {
        var (compact, whole) = try reads(Self.tree(4))
        let given = whole.traces.reversed().map { DomainTrace(domain: $0.domain, kind: $0.kind, location: $0.location) }
        compact.traces = Array(given)
        #expect(compact.traces == Array(given))
        #expect(compact.traces.allSatisfy { $0.domainPosition == nil })
        #expect(compact.traces(of: "gone1.example") == given.filter { $0.domain == "gone1.example" })
    }

    /// Lists made on two threads and joined keep their order and places.
    @Test func joinedListsKeepOrder() {
        var a = TraceList(), b = TraceList()
        a.append(DomainTrace(domain: "x.example", kind: .mailhelo, location: SourceLocation(file: "/etc/mailhelo", line: 1)))
        // Table ids in the order first seen (b, a); positions in name order (a, b).
        b.append(id: 0, domain: "b.example", at: b.place(.zone, directory: "/var/named", suffix: ".db"))
        b.append(DomainTrace(domain: "y.example", kind: .zone, location: SourceLocation(file: "/var/named/Y.example.db")))
        b.append(id: 1, domain: "a.example", at: b.place(.namedConf, file: "/etc/named.conf"), line: 7)
        a.append(id: 1, domain: "a.example", at: a.place(.valiases, directory: "/etc/valiases", suffix: ""))
        a.append(contentsOf: b)
        a.settle(positionOfID: [1, 0], domains: [HostedDomain(name: "a.example"), HostedDomain(name: "b.example")])
        #expect(a.all.map(\.location.description) == ["/etc/mailhelo:1", "/etc/valiases/a.example", "/var/named/b.example.db",
                                                       "/var/named/Y.example.db", "/etc/named.conf:7"])
        #expect(a.all.map(\.domainPosition) == [nil, 0, 1, nil, 0])
        #expect(a.all.map(\.domain) == ["x.example", "a.example", "b.example", "y.example", "a.example"])
        #expect(a.traces(of: ["a.example"])["a.example"]?.map(\.kind) == [.valiases, .namedConf])
    }
}
