import Testing
import TestSupport
@testable import MailServer

/// The domain table hands its domains over in byte order, which for ASCII names is `String`
/// order, whatever the names share: a first eight or sixteen bytes alike, one a prefix of another, NUL bytes.
@Suite struct DomainTableTests {
    @Test func sortedOrderIsStringOrder() {
        let stems = ["shop1234", "shop123", "shop12345", "a", "ab", "ab\u{0}", "ab\u{0}c", "abcdefgh", "abcdefghi", "abcdefg",
                     "zz", "z", "shop1234.example", "shop1234-example", "0", "9x", "_x", "-y", "abcdefgh\u{0}",
                     "abcdefghijklmnop", "abcdefghijklmno", "abcdefghijklmnopq", "abcdefghijklmnop\u{0}", "abcdefghijklmnop.a"]
        var random = SeededGenerator(seed: 9)
        for round in 0..<30 {
            var names = Set<String>()
            for _ in 0..<(5 + round * 7) {
                var name = stems[Int.random(in: 0..<stems.count, using: &random)]
                if Bool.random(using: &random) { name += stems[Int.random(in: 0..<stems.count, using: &random)] }
                names.insert(name)
            }
            var table = DomainTable()
            let order = Array(names).shuffled(using: &random)
            for name in order { table.update(name) { _ in } }
            let (domains, positionOfID) = table.takeSorted()
            #expect(domains.map(\.name) == names.sorted(), "round \(round)")
            #expect(order.indices.allSatisfy { domains[positionOfID[$0]].name == order[$0] }, "round \(round)")
        }
    }

    /// The order sorted on another core is used only while it still fits the table: one added
    /// after it (an account file naming a domain no list has) is sorted in.
    @Test func orderSortedElsewhereFitsOrIsRedone() throws {
        var random = SeededGenerator(seed: 4)
        for round in 0..<10 {
            let names = (0..<(20 + round * 13)).map { "d\($0 * 7919 % 1000).example" }.shuffled(using: &random)
            var table = DomainTable()
            for name in names { table.update(name) { _ in } }
            let sort = try #require(table.sortingNames())
            let presorted = sort()
            var grown = table
            grown.update("added\(round).example") { _ in }
            let (domains, positionOfID) = table.takeSorted(presorted: presorted)
            #expect(domains.map(\.name) == names.sorted())
            #expect(names.indices.allSatisfy { domains[positionOfID[$0]].name == names[$0] })
            let (grownDomains, _) = grown.takeSorted(presorted: presorted)
            #expect(grownDomains.map(\.name) == (names + ["added\(round).example"]).sorted())
        }
        var table = DomainTable()
        table.update("caf\u{E9}.example") { _ in }
        #expect(table.sortingNames() == nil)
    }
}
