import Testing
import TestSupport
@testable import MailServer

@Suite("Addresses, ranges and host names")
struct AddressTests {
    @Test func expandedIPv6AsEximLogsItEqualsTheShortForm() {
        let expanded = IPAddress("2001:0db8:0077:0000:0000:0000:0000:0001")
        #expect(expanded == IPAddress("2001:db8:77::1"))
        #expect(expanded?.description == "2001:db8:77::1")
    }

    /// The log scan parses address texts from their bytes (`IPAddress(ascii:)`); it must answer
    /// what the `String` parse answers, for addresses, near-addresses and junk.
    @Test func addressFromASCIIBytesAgreesWithTheStringParse() {
        var texts = ["192.0.2.1", "203.0.113.255", "0.0.0.0", "255.255.255.255", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4",
                     "1.2.3.4 ", " 1.2.3.4", "1.2.3.4\u{0}junk", "1.2.3.4\u{0}", "\u{0}1.2.3.4", "", ":", "::", "::1", "::ffff:1.2.3.4",
                     "2001:db8::1", "2001:0db8:0077:0000:0000:0000:0000:0001", "2001:DB8::A", "2001:db8::1%eth0", "2001:db8:::1",
                     "fe80::1\u{0}x", "1.2.3.4:25", "[1.2.3.4]", "a.b.c.d", "1.2.3.4x", "2001:db8::g",
                     String(repeating: "0", count: 60) + "1.2.3.4", "0000:0000:0000:0000:0000:0000:0000:0001" + String(repeating: " ", count: 25)]
        // Around the 64-byte limit, valid IPv6 either side of it.
        for pad in 60...66 { texts.append(String(repeating: "0", count: pad - 3) + "::1") }
        var rng = SeededGenerator(seed: 7)
        let alphabet = Array("0123456789abcdefABCDEF.:% \u{0}x")
        for _ in 0..<3000 {
            var t = Array(texts[Int.random(in: 0..<texts.count, using: &rng)])
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                let c = alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
                if t.isEmpty || Bool.random(using: &rng) {
                    t.insert(c, at: Int.random(in: 0...t.count, using: &rng))
                } else {
                    t[Int.random(in: 0..<t.count, using: &rng)] = c
                }
            }
            texts.append(String(t))
        }
        var agreed = 0
        for text in texts {
            let fromBytes = Array(text.utf8).withUnsafeBufferPointer { IPAddress(ascii: $0) }
            #expect(fromBytes == IPAddress(text), "\(text.debugDescription)")
            if fromBytes != nil { agreed += 1 }
        }
        // Not a vacuous agreement: many of them are addresses.
        #expect(agreed > 100)
    }

    @Test(arguments: ["1.2.3", "256.1.1.1", "01.2.3.4x", "", "::g", "1.2.3.4/33", "2001:db8::/129", "10.0.0.0/", "a.b.c.d"])
    func malformedAddressesAreRejected(_ text: String) {
        #expect(IPNetwork(text) == nil)
    }

    @Test func networkContainsRespectsThePrefix() throws {
        let net = try #require(IPNetwork("198.51.100.0/24"))
        #expect(net.contains(IPAddress("198.51.100.200")!))
        #expect(!net.contains(IPAddress("198.51.101.1")!))
        #expect(!net.contains(IPAddress("2001:db8::1")!))
        let v6 = try #require(IPNetwork("2001:db8:1::/48"))
        #expect(v6.contains(IPAddress("2001:db8:1:ffff::9")!))
        #expect(IPNetwork("0.0.0.0/0")!.contains(IPAddress("203.0.113.1")!))
    }

    @Test func hostNames() {
        #expect(HostName.isValid("mail.example.com"))
        #expect(HostName.isValid("xn--caf-dma.example"))
        #expect(!HostName.isValid("bad name.example"))
        #expect(!HostName.isValid("-lead.example"))
        #expect(!HostName.isValid("a..b"))
        #expect(!HostName.isValid(String(repeating: "a", count: 64) + ".example"))
        #expect(HostName.isFullyQualified("server1.example.com"))
        #expect(!HostName.isFullyQualified("localhost"))
        #expect(!HostName.isFullyQualified("192.0.2.1"))
    }

    /// The byte check agrees with the rule in words (labels of 1 to 63 letters, digits, `-`, `_`,
    /// not starting or ending with `-`; at most 253 bytes without one trailing dot) on random names.
    @Test func hostNameBytesFollowTheRule() {
        func rule(_ bytes: [UInt8]) -> Bool {
            var b = bytes
            if b.last == UInt8(ascii: ".") { b.removeLast() }
            guard !b.isEmpty, b.count <= 253 else { return false }
            return b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
                !label.isEmpty && label.count <= 63 && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
                    && label.allSatisfy { c in (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x5F }
            }
        }
        let pieces: [[UInt8]] = ["a", "z", "A", "Z", "0", "9", "-", "_", ".", " ", "/", ":", "@", "[", "`", "{", "\u{7F}", "\u{0}"].map { Array($0.utf8) }
            + [[0x80], [0xC3, 0xA9], [0xFF], Array(repeating: 0x61, count: 61), Array(repeating: 0x62, count: 62), Array(repeating: 0x63, count: 63)]
        var random = SeededGenerator(seed: 21)
        for _ in 0..<20_000 {
            var name: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<12, using: &random) { name += pieces[Int.random(in: 0..<pieces.count, using: &random)] }
            if Int.random(in: 0..<20, using: &random) == 0 { name = Array(repeating: 0x61, count: Int.random(in: 0..<2, using: &random)) + Array(Array(repeating: Array("abc.".utf8), count: 64).joined().prefix(Int.random(in: 250...256, using: &random))) }
            #expect(name.withUnsafeBufferPointer { HostName.isValid(bytes: $0) } == rule(name), "\(name)")
        }
    }

    @Test func hostListFlagsWhatEximCannotSee() {
        let parsed = LsearchParser.parse(Array("2001:db8::25\n\"2001:db8:1::/48\"\n300.1.2.3\n10.0.0.0/8\n  192.0.2.1\nmx.example.net\n".utf8),
                                         file: "/etc/l", mode: .list)
        let (entries, diagnostics) = HostListInterpreter(list: "l", file: "/etc/l", acceptsNames: false, bypass: .none).interpret(parsed)
        #expect(entries.map(\.kind) == [.ipv6, .cidr6, .invalid, .cidr4, .ipv4, .invalid])
        #expect(entries.map(\.visibleToExim) == [false, true, false, true, false, false])
        #expect(diagnostics.map(\.problem) == [.unquotedIPv6, .invalidEntry, .invalidEntry])
        #expect(diagnostics.map(\.location.line) == [1, 3, 6])
    }
}
