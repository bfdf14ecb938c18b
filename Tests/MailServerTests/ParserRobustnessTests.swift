import Foundation
import Testing
import ServerFixtures
import TestSupport
@testable import MailServer

/// Feeds 10,000 random and mutated inputs to every parser: none may crash, and what they return
/// must still be consistent (line numbers inside the input, a message on every diagnostic).
@Suite("Parsers survive hostile input")
struct ParserRobustnessTests {
    static let seeds = [
        "example.com\nexample.org\n  hidden.example\n# c\n",
        "example.com: mail.example.com\n*: server.example.net\n\"quoted key\": v\n",
        "192.0.2.1\n\"2001:db8::/32\"\n2001:db8::1\n198.51.100.0/24\n10.0.0.0/8: x\n",
        "acl_requirehelonoforge=1\nacl_requirehelonold=0\nservername=da.example\n",
        "HOST server.example.net\nADDR 192.0.2.1\n",
        "\"2001:db8::50\": da1.example\n192.0.2.50: da1.example\n",
    ]
    static let iterations = 10_000

    @Test func everyParserSurvivesTenThousandInputs() {
        var mutator = InputMutator(seeds: Self.seeds, seed: 0x4845_4C4F)
        var inconsistent: [String] = []
        for iteration in 0..<Self.iterations {
            let input = mutator.next()
            let lineCount = input.split(separator: 0x0A, omittingEmptySubsequences: false).count
            for mode in [LsearchParser.Mode.list, .keyValue] {
                let parsed = LsearchParser.parse(input, file: "/etc/fuzz", mode: mode)
                if !parsed.entries.allSatisfy({ (1...max(1, lineCount)).contains($0.line) })
                    || !parsed.diagnostics.allSatisfy({ !$0.message.isEmpty }) {
                    inconsistent.append("iteration \(iteration): line numbers or messages")
                }
                for acceptsNames in [true, false] {
                    let (entries, _) = HostListInterpreter(list: "fuzz", file: "/etc/fuzz", acceptsNames: acceptsNames, bypass: .all).interpret(parsed)
                    if entries.contains(where: { $0.kind == .invalid && $0.bypassesHeloCheck }) {
                        inconsistent.append("iteration \(iteration): an invalid entry bypasses the check")
                    }
                }
            }
            _ = SettingsFileParser.parse(input, separator: "=")
            _ = SettingsFileParser.parse(input, separator: nil)
            let text = String(decoding: input.prefix(80), as: UTF8.self)
            _ = IPNetwork(text)
            _ = IPAddress(text)
            _ = HostName.isValid(text)
        }
        #expect(inconsistent.isEmpty)
    }

    /// Whole trees: mutate every list file of a real fixture and read the snapshot.
    @Test func snapshotReaderSurvivesMutatedTrees() throws {
        var mutator = InputMutator(seeds: Self.seeds, seed: 7)
        let files = ["/etc/localdomains", "/etc/userdomains", "/etc/mailhelo", "/etc/skipsmtpcheckhosts",
                     "/etc/alwaysrelay", "/etc/exim.conf.localopts", "/etc/wwwacct.conf", "/etc/ips", "/etc/named.conf"]
        let root = try TemporaryRoot(Fixtures.migratedCPanel)
        defer { root.remove() }
        for _ in 0..<200 {
            for file in files { try Data(mutator.next()).write(to: URL(fileURLWithPath: root.host(file))) }
            let snapshot = try SnapshotReader(root: ServerRoot(root.path)).read()
            #expect(snapshot.platform == .cpanel)
        }
    }
}
