import Foundation
import Testing
import ServerFixtures
import TestSupport
@testable import MailServer

/// The reader's fast paths for big files of the usual shape (plain domain lists and owner files,
/// account files read on bytes, named.conf scanned on bytes) give exactly what the general
/// parsers give, on files mixing plain lines with every odd shape the parsers know about.
@Suite("Fast paths of the snapshot read agree with the general parsers")
struct ReadingFastPathTests {
    /// Lines of every shape: plain ones (the fast path's), and ones that must send the file to the
    /// general parser (or, in account files, to another rule).
    static let listLines = [
        "shop.example", "shop.example", "a.example", "b-1.example", "x_y.example", "trailing.example.",
        "SHOP.example", "Upper.Example", "*", "# comment", "", "  indented.example", "tab\t.example",
        "trail.example ", "\"quoted.example\"", "key.example: value", "key.example:value", "-bad.example",
        "a..b", String(repeating: "l", count: 64) + ".example", "caf\u{E9}.example", "shop\u{212A}.example",
        "crlf.example\r", "nul\u{0}.example", "1.2.3.4", "single",
    ]
    static let ownerLines = [
        "shop.example: bob", "a.example: alice", "a.example: carol", "b.example:dave", "e.example: g.h-i_j",
        "d.example: Frank", "c.example:  erin", "*: nobody", "*: root", "f.example: two words", "g.example:",
        "h.example", "H.example: ivan", "# c", "", " i.example: joe", "\"j.example\": kim", "k.example : lee",
        "l.example: mo ", "m.example: n\u{E9}", "n.example: x\r", "shop.example: zed",
    ]
    static let accountLines = [
        "USER=u", "DNS=shop.example", "DNS1=Upper.Example", "DNS2 = spaced.example ", "DNS3=\"quoted.example\"",
        "DNS4='single.example'", "DNS5=", "DNS6=\"\"", "DNSX=no.example", "DNS1 x=no2.example", "dns=lower.example",
        " DNS7=indented.example", "\tDNS8=\ttab.example\t", "DNS9=cr.example\r", "# DNS=comment.example",
        "DNS10=caf\u{E9}.example", "DNS\u{BD}=half.example", "DNS\u{661}=arabic.example", "DNS11=a=b.example",
        "DNS12= \" lead.example", "PLAN=default", "DNS13=x\u{0}y.example", "DNS14=shop.example",
    ]

    func snapshots(_ tree: ServerTree) throws -> (fast: ServerSnapshot, general: ServerSnapshot) {
        let root = try TemporaryRoot(tree)
        defer { root.remove() }
        let fast = try SnapshotReader(root: ServerRoot(root.path)).read()
        var general = SnapshotReader(root: ServerRoot(root.path))
        general.fastPaths = false
        return (fast, try general.read())
    }

    func expectSame(_ a: ServerSnapshot, _ b: ServerSnapshot, _ note: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let (x, y) = (try encoder.encode(a), try encoder.encode(b))
        #expect(x == y, "\(note): \(String(decoding: x, as: UTF8.self).prefix(2000)) vs \(String(decoding: y, as: UTF8.self).prefix(2000))")
        #expect(a.traces.map(\.domainPosition) == b.traces.map(\.domainPosition), "\(note)")
        #expect(a.domains.map(\.lists) == b.domains.map(\.lists), "\(note)")
    }

    /// A file of `count` lines drawn from `lines` (mostly the first, plain ones), seeded.
    func file(_ lines: [String], _ count: Int, plainOnly: Bool, _ random: inout SeededGenerator) -> String {
        let plain = lines.prefix(plainOnly ? 6 : lines.count)
        var out = ""
        for _ in 0..<count {
            let line = Int.random(in: 0..<4, using: &random) == 0 || plainOnly ? plain[Int.random(in: 0..<plain.count, using: &random)] : lines[Int.random(in: 0..<lines.count, using: &random)]
            out += line + "\n"
        }
        return out
    }

    @Test func plainAndOddListsReadTheSame() throws {
        var random = SeededGenerator(seed: 12)
        for round in 0..<40 {
            var tree = Fixtures.clean
            let plainOnly = round % 3 == 0
            // An unowned local domain, so the account files are read too.
            tree.file("/etc/localdomains", file(Self.listLines, 1 + round % 7 * 5, plainOnly: plainOnly, &random) + "orphan.example\n")
            tree.file("/etc/remotedomains", file(Self.listLines, round % 5 * 3, plainOnly: plainOnly, &random))
            var owners = file(Self.ownerLines, 1 + round % 6 * 4, plainOnly: plainOnly, &random)
            if round % 4 == 1 { owners.removeLast() } // no final newline
            tree.file("/etc/userdomains", owners)
            tree.file("/etc/secondarymx", file(Self.listLines, round % 3, plainOnly: plainOnly, &random))
            for account in 0..<(round % 4 + 1) {
                tree.file("/var/cpanel/users/u\(account)", file(Self.accountLines, 8, plainOnly: false, &random))
            }
            if round % 5 == 2 { tree.symlink("/var/cpanel/users/linked", to: "u0") }
            if round % 5 == 3 { tree.directory("/var/cpanel/users/adir") }
            if plainOnly {
                // The fast path really runs on these.
                #expect(Array(file(Self.listLines, 9, plainOnly: true, &random).utf8).withUnsafeBufferPointer { PlainDomainLines.list($0) } != nil)
                #expect(Array(file(Self.ownerLines, 9, plainOnly: true, &random).utf8).withUnsafeBufferPointer { PlainDomainLines.owners($0) } != nil)
            }
            let (fast, general) = try snapshots(tree)
            try expectSame(fast, general, "round \(round)")
        }
    }

    @Test func zoneStanzasAreFoundAsTheLineRuleSays() throws {
        let lines = ["zone \"a.example\" {", "  zone \"b.example.\" {", "\tzone\t\"C.Example\" IN {", "zone \"unclosed.example",
                     "zonefile \"d.example\"", "# zone \"e.example\"", "\"zone\" \"f.example\"", "zone \"\" {", "zone \".\" {",
                     "\r zone \"g.example\"\r", "ZONE \"h.example\"", "zone \"caf\u{E9}.example\"", "zone \"x\"", "zone\"i.example\"",
                     "file \"/var/named/a.example.db\";", "};", "", "zone \"j.example\" { type master; }; zone \"k.example\" {"]
        var random = SeededGenerator(seed: 5)
        for _ in 0..<40 {
            var text = ""
            for _ in 0..<30 { text += lines[Int.random(in: 0..<lines.count, using: &random)] + (Int.random(in: 0..<9, using: &random) == 0 ? "\r\n" : "\n") }
            let root = try TemporaryRoot({ var t = ServerTree(); t.file("/etc/named.conf", text); return t }())
            defer { root.remove() }
            let zones = ZoneStanzas(ServerRoot(root.path), "/etc/named.conf")
            guard case .content(let bytes, _) = zones.file else { Issue.record("named.conf not read"); return }
            let found = zip(zones.lines, zones.names).map { "\($0.0):" + String(decoding: bytes[$0.1], as: UTF8.self) }
            #expect(found == Self.referenceStanzas(text))
        }
    }

    /// The rule as it reads in words, on `String`s: after blanks, `zone`, then the text between
    /// the first two double quotes, without one trailing dot.
    static func referenceStanzas(_ text: String) -> [String] {
        var out: [String] = []
        // Split on bytes: as a String, "\r\n" is one Character and would hide the line end.
        for (i, raw) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = String(decoding: raw.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }, as: UTF8.self)
            guard line.hasPrefix("zone") else { continue }
            let parts = line.split(separator: "\"", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            var name = parts[1]
            if name.hasSuffix(".") { name = name.dropLast() }
            out.append("\(i + 1):\(name)")
        }
        return out
    }

    /// Directory traces are looked up in batches; whatever the mix of names, they come out in the
    /// directory's own order, each with the rule's domain, file and position.
    @Test func directoryTracesKeepTheListingOrder() throws {
        var tree = Fixtures.clean
        var listed: [String] = []
        for i in 0..<40 { listed.append("d\(i).example") }
        tree.file("/etc/localdomains", listed.joined(separator: "\n") + "\n")
        let odd = ["Upper.Example", ".hidden.example", "nodot", "caf\u{E9}.example", "-bad.example", "UNLISTED.example"]
        for (i, name) in (listed + (0..<30).map { "gone\($0).example" } + odd).enumerated() where i % 3 != 1 || name.hasPrefix("gone") {
            tree.file("/etc/valiases/\(name)", "")
        }
        let root = try TemporaryRoot(tree)
        defer { root.remove() }
        let s = try SnapshotReader(root: ServerRoot(root.path)).read()
        let position = Dictionary(uniqueKeysWithValues: s.domains.enumerated().map { ($1.name, $0) })
        var expected: [String] = []
        for name in ServerRoot(root.path).list("/etc/valiases") ?? [] where !name.hasPrefix(".") {
            let domain = name.lowercased()
            guard HostName.isValid(domain), domain.contains(".") else { continue }
            expected.append("\(domain) /etc/valiases/\(name) \(position[domain].map(String.init) ?? "-")")
        }
        let found = s.traces.filter { $0.kind == .valiases }.map { "\($0.domain) \($0.location.file) \($0.domainPosition.map(String.init) ?? "-")" }
        #expect(found == expected)
        #expect(found.count > 40)
    }

    /// The account files are read while the traces are made; a domain that only an account file
    /// names (in no list, no userdomains line) still has its traces tied to it, as a read in file
    /// order gives, compact or whole.
    @Test func tracesOfADomainOnlyAnAccountNamesPointAtIt() throws {
        var tree = Fixtures.clean
        tree.file("/etc/localdomains", "listed.example\norphan.example\n")
        tree.file("/etc/userdomains", "listed.example: bob\n")
        tree.file("/var/cpanel/users/bob", "USER=bob\nDNS=listed.example\nDNS1=extra.example\n")
        for name in ["listed.example", "orphan.example", "extra.example", "gone.example"] {
            tree.file("/etc/valiases/\(name)", "")
            tree.file("/var/named/\(name).db", "")
        }
        tree.file("/etc/named.conf", "zone \"extra.example\" {\n};\nzone \"listed.example\" {\n};\n")
        let root = try TemporaryRoot(tree)
        defer { root.remove() }
        for compact in [true, false] {
            var reader = SnapshotReader(root: ServerRoot(root.path))
            reader.compactTraces = compact
            let s = try reader.read()
            #expect(s.domains.first { $0.name == "extra.example" }?.owner == "bob")
            let position = Dictionary(uniqueKeysWithValues: s.domains.enumerated().map { ($1.name, $0) })
            let traced = s.traces.filter { [.valiases, .zone, .namedConf].contains($0.kind) }
            #expect(traced.map { "\($0.domain) \($0.domainPosition.map(String.init) ?? "-")" }
                    == traced.map { "\($0.domain) \(position[$0.domain].map(String.init) ?? "-")" }, "compact: \(compact)")
            #expect(traced.filter { $0.domain == "extra.example" }.count == 3, "compact: \(compact)")
            #expect(traced.contains { $0.domain == "gone.example" && $0.domainPosition == nil }, "compact: \(compact)")
        }
    }

    @Test func sideTaskHandsBackItsValueWhoeverRunsIt() {
        let tasks = (0..<50).map { i in SideTask { (0...i).reduce(0, +) } }
        #expect(tasks.map { $0.value() } == (0..<50).map { i in (0...i).reduce(0, +) })
    }
}
