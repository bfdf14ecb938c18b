import Foundation
import Testing
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
