import MailServer
import ServerFixtures
import Testing
import TestSupport

/// `/etc/hostname`, `/etc/mailname`, `/var/cpanel/mainip`: one reader, whatever line ends, final
/// newlines and stray white space the file has; the value never carries them, and what was odd is said.
@Suite struct SingleValueFileTests {
    @Test func decoratedValuesReadTheSameAndSayWhatWasOdd() {
        var rng = SeededGenerator(seed: 11)
        let values = ["server1.hostco.example", "vm", "192.0.2.5", "2001:db8::5", "mail.example.com"]
        for _ in 0..<500 {
            let value = values.randomElement(using: &rng)!
            let crlf = Bool.random(using: &rng)
            let newlines = Int.random(in: 0...3, using: &rng)
            let before = ["", " ", "\t", "  "].randomElement(using: &rng)!
            let after = ["", " ", "\t"].randomElement(using: &rng)!
            let extraLine = Int.random(in: 0..<5, using: &rng) == 0
            let end = crlf ? "\r\n" : "\n"
            var text = before + value + after + (newlines == 0 && !extraLine ? "" : end)
            if extraLine { text += "second.line" + end }
            text += String(repeating: end, count: max(0, newlines - 1))
            let reading = SingleValueFile.read(Array(text.utf8), file: "/etc/hostname")
            let described = text.debugDescription
            #expect(reading.value == value, "\(described)")
            let problems = reading.oddities.map(\.problem)
            #expect(problems.contains(.crlfLineEnding) == (crlf && (newlines > 0 || extraLine)), "\(described)")
            #expect(reading.oddities.contains { $0.message.contains("white space") } == (!before.isEmpty || !after.isEmpty), "\(described)")
            #expect(reading.oddities.contains { $0.message.contains("more line") } == extraLine, "\(described)")
            #expect(reading.oddities.allSatisfy { $0.location.file == "/etc/hostname" })
        }
    }

    @Test func emptyAndBlankFilesHoldNoValue() {
        for text in ["", "\n", "\r\n", "  \n\n", "\t"] {
            #expect(SingleValueFile.read(Array(text.utf8), file: "/etc/mailname").value == nil, "\(text.debugDescription)")
        }
        let late = SingleValueFile.read(Array("\n\nvm\n".utf8), file: "/etc/mailname")
        #expect(late.value == "vm" && late.oddities.contains { $0.message.contains("starts with 2 empty lines") })
    }

    /// Through the snapshot: a mainip with CR LF is still the main IP, and the mail name is compared without its newline.
    @Test func snapshotUsesTheOneReader() throws {
        var cpanel = ServerTree()
        cpanel.directory("/usr/local/cpanel")
        cpanel.file("/etc/localdomains", "server1.hostco.example\n")
        cpanel.file("/etc/hostname", "server1.hostco.example\r\n")
        cpanel.file("/var/cpanel/mainip", "192.0.2.5\r\n\r\n")
        let root = try TemporaryRoot(cpanel)
        defer { root.remove() }
        let snapshot = try SnapshotReader(root: ServerRoot(root.path)).read()
        #expect(snapshot.ips.contains { $0.isMain && $0.address.description == "192.0.2.5" })
        #expect(snapshot.hostname == "server1.hostco.example")
        #expect(snapshot.diagnostics.contains { $0.location.file == "/var/cpanel/mainip" && $0.problem == .crlfLineEnding })

        var exim = ServerTree()
        exim.directory("/etc/exim4")
        exim.file("/etc/hostname", "vm\n")
        exim.file("/etc/mailname", "vm\n")
        let plain = try TemporaryRoot(exim)
        defer { plain.remove() }
        let s = try SnapshotReader(root: ServerRoot(plain.path)).read()
        #expect(s.hostname == "vm")
        #expect(!s.diagnostics.contains { $0.problem == .hostnameMismatch }, "\(s.diagnostics.map(\.message))")
    }
}
