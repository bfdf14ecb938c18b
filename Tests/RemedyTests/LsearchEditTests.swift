@testable import Remedy
import Testing

/// Line edits keep every other byte (comments, CR LF, order) and follow Exim's lsearch rules.
@Suite struct LsearchEditTests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
    func text(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }

    @Test func removesOnlyTheKeyLinesAndTheirContinuations() {
        let file = "# keep me\r\nExample.COM: bob\r\n  continued value\r\nexample.com.au: carol\r\n example.com\r\n\"example.com\": quoted\r\nother: x\r\n"
        let out = text(LsearchEdit.removing("example.com", from: bytes(file), mode: .keyValue))
        #expect(out == "# keep me\r\nexample.com.au: carol\r\n example.com\r\nother: x\r\n")
    }

    @Test func listModeNeverTreatsIndentedLinesAsKeysNorRemovesThem() {
        let file = "server.host.tld\n example.com\nexample.com\n#example.com\nexample.community\n"
        #expect(text(LsearchEdit.removing("example.com", from: bytes(file), mode: .list)) == "server.host.tld\n example.com\n#example.com\nexample.community\n")
    }

    @Test func settingReplacesOrInsertsBeforeTheDefault() {
        let file = "a.example: mail.a.example\n*: host.example\n"
        #expect(text(LsearchEdit.setting("b.example", line: "b.example: mail.b.example", in: bytes(file), beforeDefault: true))
                == "a.example: mail.a.example\nb.example: mail.b.example\n*: host.example\n")
        #expect(text(LsearchEdit.setting("a.example", line: "a.example: new.a.example", in: bytes(file + "a.example: dup\n"), beforeDefault: true))
                == "a.example: new.a.example\n*: host.example\n")
        #expect(text(LsearchEdit.setting("*", line: "*: other.example", in: bytes("no-newline: x"), beforeDefault: false))
                == "no-newline: x\n*: other.example\n")
    }

    @Test func removesAZoneStanzaByBraceDepth() {
        let conf = "options { directory \"/var/named\"; };\nzone \"keep.example\" { type master; };\nzone \"Gone.Example.\" IN {\n\ttype master;\n\tallow-transfer { 192.0.2.1; };\n};\nzone \"gone.example.org\" { type master; };\n"
        #expect(text(LsearchEdit.removingZone("gone.example", from: bytes(conf)))
                == "options { directory \"/var/named\"; };\nzone \"keep.example\" { type master; };\nzone \"gone.example.org\" { type master; };\n")
    }

    @Test func stagedFilesMustNotGetWorse() {
        #expect(LsearchEdit.newProblems(before: bytes("a\nb\n"), after: bytes("a\n"), file: "/etc/x", mode: .list).isEmpty)
        #expect(LsearchEdit.newProblems(before: bytes("a\n"), after: bytes("a\n b\n"), file: "/etc/x", mode: .list).first?.problem == .invisibleEntry)
        #expect(LsearchEdit.newProblems(before: bytes("a\n"), after: bytes("a\na\n"), file: "/etc/x", mode: .list).first?.problem == .duplicateKey)
    }
}
