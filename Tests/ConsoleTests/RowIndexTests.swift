import Console
import Diagnosis
import MailServer
import Testing

/// The domain rows are found by binary search when they come in byte order, through the hashed
/// table otherwise: either way `rows(for:)` answers what comparing every row's names would.
@Suite struct RowIndexTests {
    /// Every row whose key or alias equals `key`, in pane and row order: the plain answer.
    private func everyRow(_ data: ConsoleData, _ key: String) -> [RowAddress] {
        Pane.allCases.flatMap { pane in
            data.rows[pane.rawValue].indices.filter { data.rows[pane.rawValue][$0].keys.contains(key) }.map { RowAddress(pane, $0) }
        }
    }

    private func data(domains names: [String]) throws -> ConsoleData {
        var snapshot = try ConsoleTestData.demoSnapshot()
        snapshot.domains = names.map { HostedDomain(name: $0, lists: [.local], owner: "u") }
        return ConsoleData(snapshot: snapshot, findings: [])
    }

    private func check(_ names: [String], queries: [String]) throws {
        let data = try data(domains: names)
        let greetingAndWhitelistKeys = data.rows[1...].flatMap { $0.flatMap(\.keys) }
        for key in Set(names + queries + greetingAndWhitelistKeys) {
            #expect(data.rows(for: key) == everyRow(data, key), "rows for \(key)")
        }
    }

    @Test func domainsInByteOrderWithDuplicates() throws {
        let names = ["a.example", "a.example", "b.example", "example.com", "example.com", "example.com", "mail.example.com", "z.example"]
        try check(names, queries: ["", "0.example", "b.exampl", "b.examplf", "zz.example", "mail.example.com"])
    }

    @Test func domainsOutOfOrder() throws {
        let names = ["z.example", "a.example", "example.com", "b.example", "a.example"]
        try check(names, queries: ["c.example", "example.com"])
    }

    @Test func nonASCIINames() throws {
        // "a;b" and "a\u{037E}b" (Greek question mark) are equal as Strings.
        try check(["a.example", "a;b.example", "b.example"], queries: ["a\u{037E}b.example", "ü.example"])
        try check(["a.example", "bü.example", "c.example"], queries: ["bü.example", "bu\u{308}.example"])
    }

    @Test func theDemoServerSharesNamesAcrossPanes() throws {
        let snapshot = try ConsoleTestData.demoSnapshot()
        let data = ConsoleData(snapshot: snapshot, findings: ConsoleTestData.findings)
        for key in Set(data.rows.flatMap { $0.flatMap(\.keys) }) {
            #expect(data.rows(for: key) == everyRow(data, key), "rows for \(key)")
        }
    }
}
