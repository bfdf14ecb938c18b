@testable import Diagnosis
import MailServer
import Testing
import TestSupport

/// The rules' shortcuts give the answers of the plain way: a domain found by binary search over the
/// reader's sorted names is the one the hashed index finds, and findings made on every core come
/// back in the order a plain loop gives.
@Suite struct RuleLookupTests {
    /// Names with shared prefixes, duplicates, upper case, an empty one and non-ASCII ones.
    static func names(_ count: Int, seed: UInt64) -> [String] {
        var random = SeededGenerator(seed: seed)
        let parts = ["a", "b", "ex", "example", "com", "net", "-", "0", "9", "Z", "é", "e\u{301}", "xn--bcher-kva", ""]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...4, using: &random)).map { _ in parts.randomElement(using: &random)! }.joined(separator: ".")
        }
    }

    @Test(arguments: [1, 2, 3])
    func binarySearchFindsWhatTheIndexFinds(seed: UInt64) {
        let all = Self.names(2_000, seed: seed)
        let queries = Self.names(500, seed: seed + 100) + all.prefix(500) + ["", "zzz", "EXAMPLE.com", "caf\u{e9}", "cafe\u{301}"]
        // The reader's order (bytes), a String order, and no order at all.
        let orders: [[String]] = [
            all.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) },
            all.sorted(),
            all,
        ]
        for names in orders {
            let domains = names.map { HostedDomain(name: $0) }
            let positions = DomainPositions(domains)
            let index = DomainNameIndex(domains)
            for q in queries {
                #expect(positions.position(of: q) == index.position(of: q), "\(q)")
            }
        }
    }

    @Test func concurrentFindingsKeepTheOrder() {
        let items = Array(0..<1_000)
        let finding = { @Sendable (i: Int) -> Finding? in
            i % 7 == 0 ? nil : Finding(rule: .staleLock, severity: .warning, title: "\(i)", subjects: [], evidence: [], explanation: "", remedies: [])
        }
        #expect(ConcurrentFindings.map(items, finding).map(\.title) == items.compactMap(finding).map(\.title))
        #expect(ConcurrentFindings.map(Array(items.prefix(5)), finding).map(\.title) == ["1", "2", "3", "4"])
        #expect(ConcurrentFindings.map([Int](), finding).isEmpty)
        // Around the run length, with runs that find nothing at all, and with nothing found.
        for count in [63, 64, 65, 128, 129, 300] {
            let sparse = { @Sendable (i: Int) -> Finding? in
                i % 64 < 40 ? nil : Finding(rule: .staleLock, severity: .warning, title: "\(i)", subjects: [], evidence: [], explanation: "", remedies: [])
            }
            let items = Array(0..<count)
            #expect(ConcurrentFindings.map(items, sparse).map(\.title) == items.compactMap(sparse).map(\.title), "\(count)")
            #expect(ConcurrentFindings.map(items) { _ in nil }.isEmpty)
        }
    }
}
