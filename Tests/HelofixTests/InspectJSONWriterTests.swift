import Diagnosis
import Foundation
import MailServer
import Testing
import TestSupport
@testable import helofix

/// The streaming writer behind `inspect --format json` produces valid JSON for awkward strings.
@Suite struct InspectJSONWriterTests {
    @Test func escapesWhatJSONRequires() throws {
        let path = FileManager.default.temporaryDirectory.path + "/helofix-json-\(UUID().uuidString.prefix(8))"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        let awkward = "quote \" backslash \\ tab \t newline \n bell \u{7} café ✓ /slash"
        var w = JSONWriter(fd: fd)
        w.object { w in
            w.field("text", awkward)
            w.key("list"); w.array { w in w.string("a"); w.number(42); w.bool(false); w.null() }
            w.key("empty"); w.array { _ in }
            w.key("nested"); w.array { w in w.object { w in w.field("n", nil as Int?) } }
        }
        w.flush()
        close(fd)
        defer { unlink(path) }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let doc = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(doc["text"] as? String == awkward)
        #expect((doc["list"] as? [Any])?.count == 4)
        #expect((doc["empty"] as? [Any])?.isEmpty == true)
        #expect(((doc["nested"] as? [[String: Any]])?.first?["n"]) is NSNull)
    }

    /// Writes with a writer on a temporary file and returns the bytes.
    static func written(_ body: (inout JSONWriter) -> Void) throws -> Data {
        let path = FileManager.default.temporaryDirectory.path + "/helofix-json-\(UUID().uuidString.prefix(8))"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0)
        defer { unlink(path) }
        var w = JSONWriter(fd: fd)
        body(&w)
        w.flush()
        close(fd)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Strings are scanned eight bytes at a time for what needs escaping: a byte to escape at any
    /// place of strings of every length up to a few words must still be escaped.
    @Test func escapesAtEveryPlace() throws {
        let specials = ["\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "é", " ", "\u{7F}"]
        var strings: [String] = []
        for length in 0...40 {
            for special in specials {
                for place in 0...length {
                    strings.append(String(repeating: "a", count: place) + special + String(repeating: "b", count: length - place))
                }
            }
        }
        let data = try Self.written { w in w.array { w in for s in strings { w.string(s) } } }
        let decoded = try #require(try JSONSerialization.jsonObject(with: data) as? [String])
        #expect(decoded == strings)
        // Nothing but what JSON requires is escaped: a string without such bytes is copied as it is.
        let plain = String(repeating: "abcdefgh", count: 9) + "é✓"
        #expect(try Self.written { $0.string(plain) } == Data(("\"" + plain + "\"").utf8))
    }

    /// Strings of every kind of byte in random runs (quotes and backslashes side by side, control
    /// bytes, multi-byte characters, runs longer than the sixteen bytes looked at in one step):
    /// the writer's bytes are those of escaping one byte at a time, and they read back as written.
    @Test func escapesLikeOneByteAtATime() throws {
        var random = SeededGenerator(seed: 7)
        let pieces = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1F}", "\u{7F}", "é", "✓", "a", "abcdefghijklmnop", " ", "/"]
        var strings: [String] = []
        for _ in 0..<2_000 {
            strings.append((0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        for s in strings {
            var expected: [UInt8] = [0x22]
            for b in s.utf8 {
                switch b {
                case 0x22: expected += Array("\\\"".utf8)
                case 0x5C: expected += Array("\\\\".utf8)
                case 0x0A: expected += Array("\\n".utf8)
                case 0x0D: expected += Array("\\r".utf8)
                case 0x09: expected += Array("\\t".utf8)
                case ..<0x20: expected += Array(("\\u00" + String(b >> 4, radix: 16) + String(b & 0xF, radix: 16)).utf8)
                default: expected.append(b)
                }
            }
            expected.append(0x22)
            #expect(try Self.written { $0.string(s) } == Data(expected), "\(s.debugDescription)")
        }
        let data = try Self.written { w in w.array { w in for s in strings { w.string(s) } } }
        #expect(try JSONSerialization.jsonObject(with: data) as? [String] == strings)
    }

    /// A finding's id and its addresses are written in pieces (no joined `String`, IPv4 as digits):
    /// they must read back as ``Finding/id`` and `IPAddress.description` say, for any subjects.
    @Test func idsAndAddressesInPieces() throws {
        let addresses = ["0.0.0.0", "255.255.255.255", "10.0.200.9", "198.18.8.239", "2001:db8::1", "::ffff:1.2.3.4", "fe80::"]
            .map { IPAddress($0)! }
        let awkward = ["quote\"d.example", "back\\slash", "tab\there", "café.example", "", "line\nbreak"]
        var subjects: [Subject] = addresses.map { .ip($0) }
        subjects += awkward.map { .domain($0) } + [.hostName("host,name"), .file("/etc/file:1")]
        var findings: [Finding] = []
        for n in [0, 1, 2, 9, 10, 11, subjects.count] {
            var f = Finding(rule: .rejectedHeloIsLocalDomain, severity: .critical, title: "t", subjects: Array(subjects.prefix(n)),
                            evidence: [], explanation: "", remedies: [])
            if n > 0 {
                let group = RejectionGroup(ip: addresses[n % addresses.count], helo: "h", rule: .cpanelImpersonating, count: 1,
                                           firstSeen: nil, lastSeen: nil, samples: [])
                f.evidence = [.log(group), .log(RejectionGroup(ip: nil, helo: "h", rule: .eximWiki, count: 2, firstSeen: nil, lastSeen: nil, samples: []))]
            }
            findings.append(f)
        }
        let data = try Self.written { w in w.array { w in for f in findings { FindingJSON.write(f, to: &w) } } }
        let decoded = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        try #require(decoded.count == findings.count)
        for (f, d) in zip(findings, decoded) {
            #expect(d["id"] as? String == f.id)
            #expect((d["subjects"] as? [[String: Any]])?.map { $0["value"] as? String } == f.subjects.map(\.text))
            let ips = (d["evidence"] as? [[String: Any]])?.map { ($0["rejections"] as? [String: Any])?["ip"] }
            let expected: [String?] = f.evidence.map { e in if case .log(let g) = e { g.ip?.description } else { nil } }
            #expect(ips?.map { $0 as? String } == expected)
            #expect(ips?.last.map { $0 is NSNull } ?? true)
        }
    }

    /// An array written on every core is, byte for byte, the array written in one go (lengths
    /// around the size of the runs each thread takes, and inside an object, as inspect writes them).
    @Test func parallelArrayWritesTheSameBytes() throws {
        for count in [0, 1, 63, 64, 65, 1_000, 1_025, 5_000] {
            let item = { @Sendable (i: Int, w: inout JSONWriter) in
                w.object { w in w.field("n", i); w.field("s", "line \"\(i)\"\n"); w.key("l"); w.array { w in for j in 0..<(i % 3) { w.number(j) } } }
            }
            let plain = try Self.written { w in w.object { w in w.field("a", 1); w.key("items"); w.array { w in for i in 0..<count { item(i, &w) } }; w.field("z", true) } }
            let parallel = try Self.written { w in w.object { w in w.field("a", 1); w.key("items"); w.parallelArray(count, item); w.field("z", true) } }
            #expect(parallel == plain, "\(count) items")
        }
    }

    /// A flat object written in pieces (inspect's domain rows) is, byte for byte, the object its
    /// members write, in an array, an array written on every core, and as a member's value.
    @Test func piecesWriteTheObjectsBytes() throws {
        let names = ["a.example", "", "q\"uote", "back\\slash", "line\nbreak", "caf\u{E9}.example", String(repeating: "long", count: 20)]
        let owners: [String?] = [nil, "bob", "", "tab\there"]
        let rows = names.flatMap { n in owners.map { (n, $0) } }
        let members = { @Sendable (i: Int, w: inout JSONWriter) in
            w.object { w in w.key("lists"); w.literal("[\"local\"]"); w.field("name", rows[i].0); w.field("owner", rows[i].1) }
        }
        let pieces = { @Sendable (i: Int, w: inout JSONWriter) in
            w.beginPieces("{\"lists\": [\"local\"], \"name\": ")
            w.piece(rows[i].0)
            w.piece(literal: ", \"owner\": ")
            w.piece(rows[i].1)
            w.endPieces("}")
        }
        for write in [{ (row: @Sendable (Int, inout JSONWriter) -> Void) in try Self.written { w in w.object { w in w.key("rows"); w.array { w in for i in rows.indices { row(i, &w) } } } } },
                      { row in try Self.written { w in w.object { w in w.key("rows"); w.parallelArray(rows.count, row); w.field("z", 1) } } },
                      { row in try Self.written { w in w.object { w in w.key("one"); row(5, &w); w.key("two"); row(6, &w) } } }] {
            let expected = try write(members), found = try write(pieces)
            #expect(found == expected, "\(String(decoding: found, as: UTF8.self)) vs \(String(decoding: expected, as: UTF8.self))")
        }
    }
}
