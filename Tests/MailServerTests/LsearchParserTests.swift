import Testing
@testable import MailServer

@Suite("Exim lsearch reading rules")
struct LsearchParserTests {
    func parse(_ text: String, _ mode: LsearchParser.Mode = .keyValue) -> LsearchFile {
        LsearchParser.parse(Array(text.utf8), file: "/etc/test", mode: mode)
    }

    @Test func keyEndsAtColonOrWhiteSpace() {
        let f = parse("example.com: mail.example.com\nother.org   bob\nbare.net\n")
        #expect(f.entries.map(\.key) == ["example.com", "other.org", "bare.net"])
        #expect(f.entries.map(\.value) == ["mail.example.com", "bob", ""])
        #expect(f.diagnostics.isEmpty)
    }

    @Test func commentsAndBlankLinesAreSkipped() {
        let f = parse("# comment\n\n   \nexample.com: x\n")
        #expect(f.entries.count == 1)
        #expect(f.entries[0].line == 4)
    }

    @Test func quotedKeyEndsAtClosingQuote() {
        let f = parse("\"2001:db8::1\": helo.example.net\n\"a\\\"b\" x\n")
        #expect(f.entries.map(\.key) == ["2001:db8::1", "a\"b"])
        #expect(f.entries[0].value == "helo.example.net")
        #expect(f.entries.allSatisfy { $0.quoted })
    }

    @Test func indentedLineContinuesTheValueInKeyValueFiles() {
        let f = parse("alias: one,\n  two\n")
        #expect(f.entries.count == 1)
        #expect(f.entries[0].value == "one, two")
    }

    @Test func indentedLineInAListIsInvisibleToExim() {
        let f = parse("example.com\n  hidden.example.org\n", .list)
        #expect(f.entries.map(\.visible) == [true, false])
        #expect(f.diagnostics.map(\.problem) == [.invisibleEntry])
        #expect(f.diagnostics[0].location == SourceLocation(file: "/etc/test", line: 2))
    }

    @Test func duplicateKeysAreCaseInsensitiveAndFirstWins() {
        let f = parse("a.example: 1\nA.EXAMPLE: 2\n")
        #expect(f.diagnostics.map(\.problem) == [.duplicateKey])
        #expect(f.diagnostics[0].location.line == 2)
        #expect(f.diagnostics[0].message.contains("line 1"))
    }

    @Test func crlfIsReportedOnceAndStripped() {
        let f = parse("a.example: x\r\nb.example: y\r\n")
        #expect(f.entries.map(\.value) == ["x", "y"])
        #expect(f.diagnostics.map(\.problem) == [.crlfLineEnding])
    }

    @Test func missingFinalNewlineStillReadsTheLine() {
        let f = parse("a.example\nb.example", .list)
        #expect(f.entries.map(\.key) == ["a.example", "b.example"])
        #expect(f.diagnostics.map(\.problem) == [.missingFinalNewline])
    }

    @Test func controlBytesAndHugeLinesAreRefusedPerLine() {
        var bytes = Array("ok.example\n".utf8) + [0x61, 0x00, 0x62, 0x0A]
        bytes += Array(String(repeating: "x", count: 5000).utf8) + [0x0A]
        let f = LsearchParser.parse(bytes, file: "/etc/t", mode: .list)
        #expect(f.entries.map(\.key) == ["ok.example"])
        #expect(f.diagnostics.map(\.problem) == [.binaryContent, .hugeLine])
        #expect(f.diagnostics.map(\.location.line) == [2, 3])
    }

    @Test func nonUTF8IsDiagnosedAndDecodedLossily() {
        let f = LsearchParser.parse([0x63, 0x61, 0x66, 0xE9, 0x0A], file: "/etc/t", mode: .list)
        #expect(f.entries.count == 1)
        #expect(f.diagnostics.map(\.problem) == [.nonUTF8])
        #expect(f.diagnostics[0].text == "caf\\xE9")
    }

    @Test func unterminatedQuoteIsDiagnosed() {
        let f = parse("\"open: x\n")
        #expect(f.entries.isEmpty)
        #expect(f.diagnostics.map(\.problem) == [.unterminatedQuote])
    }
}
