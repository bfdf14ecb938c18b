import Console
import Diagnosis
import MailServer
import Testing

@Suite struct ConsoleReducerTests {
    typealias T = ConsoleTestData

    func selectedText(_ state: ConsoleState, _ pane: Pane? = nil) -> String? {
        state.selectedRow(in: pane ?? state.focus).map { state.data.rows[$0.pane.rawValue][$0.row].text }
    }

    @Test func rowsAreMarkedBySeverityOfTheirFindings() throws {
        let state = try T.state()
        let domains = state.data.rows[Pane.domains.rawValue]
        #expect(domains.first { $0.text == "shop.example.com" }?.severity == .critical)
        #expect(domains.first { $0.text == "alice.example.org" }?.severity == nil)
        // The whitelist row is touched by a warning and an info finding: the worst wins.
        #expect(state.data.rows[Pane.whitelist.rawValue].first { $0.text == "198.51.100.7" }?.severity == .warning)
        #expect(state.data.criticalCount == 1 && state.data.warningCount == 1)
        #expect(state.data.findings.map(\.severity) == [.critical, .warning, .info])
    }

    @Test func arrowsAndViKeysMoveAndClamp() throws {
        var state = try T.state()
        #expect(selectedText(state) == "alice.example.org")
        T.press([.down, .character("j")], &state)
        #expect(selectedText(state) == "bob.example.net")
        T.press([.up], &state)
        #expect(selectedText(state) == "blog.alice.example.org")
        T.press([.end], &state)
        #expect(selectedText(state) == "shop.example.com")
        T.press([.down, .down], &state)
        #expect(selectedText(state) == "shop.example.com")
        T.press([.character("g")], &state)
        #expect(selectedText(state) == "alice.example.org")
    }

    @Test func tabAndHLSwitchPanes() throws {
        var state = try T.state()
        T.press([.tab], &state)
        #expect(state.focus == .greetings)
        T.press([.character("l")], &state)
        #expect(state.focus == .whitelist)
        T.press([.tab], &state)
        #expect(state.focus == .domains)
        T.press([.character("h"), .backTab], &state)
        #expect(state.focus == .greetings)
    }

    @Test func filterNarrowsEveryPaneAndEscapeClears() throws {
        var state = try T.state()
        T.press([.character("/")], &state)
        #expect(state.editingFilter)
        T.press("shop".map { .character($0) }, &state)
        #expect(state.visible[0].count == 1)
        #expect(selectedText(state) == "shop.example.com")
        #expect(state.visible[1].count == 1)  // shop.example.com → shop.example.com
        T.press([.enter], &state)
        #expect(!state.editingFilter && state.filter == "shop")
        // With the filter kept, q quits again (typing no longer goes to the filter).
        #expect(T.press([.character("q")], &state) == [.quit])
        var editing = try T.state()
        T.press([.character("/"), .character("x"), .backspace, .character("b"), .character("o"), .character("b")], &editing)
        #expect(editing.filter == "bob")
        T.press([.escape], &editing)
        #expect(editing.filter.isEmpty && editing.visible[0].count == 5)
    }

    @Test func nextFindingJumpsToItsRowAcrossPanes() throws {
        var state = try T.state()
        T.press([.character("n")], &state)
        #expect(state.focus == .domains)
        #expect(selectedText(state) == "shop.example.com")
        #expect(state.message?.text.contains("1/3") == true)
        T.press([.character("n")], &state)
        #expect(state.focus == .whitelist)
        #expect(selectedText(state) == "198.51.100.7")
        T.press([.character("N"), .character("N")], &state)
        // Backwards from the first wraps to the last (the info finding about the hostname).
        #expect(state.message?.text.contains("3/3") == true)
        #expect(selectedText(state) == "server1.hostco.example")
    }

    @Test func enterOpensTheWorstFindingOfTheRowAndEscapeReturns() throws {
        var state = try T.state()
        T.press([.character("n"), .enter], &state)
        #expect(state.screen == .detail)
        #expect(state.detailFinding?.finding.rule == .orphanLocalDomain)
        T.press([.end], &state)
        let lines = DetailText.lines(state.detailFinding!.finding, width: 76).count
        #expect(state.detailScroll == max(0, lines - state.listRows))
        T.press(Array(repeating: .down, count: 5), &state)
        #expect(state.detailScroll == max(0, lines - state.listRows))
        T.press([.home], &state)
        #expect(state.detailScroll == 0)
        T.press([.character("n")], &state)
        #expect(state.detailFinding?.finding.rule == .ineffectiveWhitelist)
        T.press([.escape], &state)
        #expect(state.screen == .main)
        T.press([.home, .enter], &state)  // alice.example.org: nothing to open
        #expect(state.screen == .main)
        #expect(state.message?.text.contains("No finding concerns alice.example.org") == true)
    }

    @Test func findingsListOpensDetail() throws {
        var state = try T.state()
        T.press([.character("f"), .down, .enter], &state)
        #expect(state.screen == .detail)
        #expect(state.detailFinding?.index == 1)
        T.press([.escape], &state)
        #expect(state.screen == .findings)
        T.press([.escape], &state)
        #expect(state.screen == .main)
    }

    @Test func helpTogglesAndQuitAndRedrawAreEffects() throws {
        var state = try T.state()
        T.press([.character("f"), .character("?")], &state)
        #expect(state.screen == .help)
        T.press([.character("?")], &state)
        #expect(state.screen == .findings)
        #expect(T.press([.control("l")], &state) == [.redrawScreen])
        #expect(T.press([.character("q")], &state) == [.quit])
    }

    @Test func resizeKeepsTheSelectionOnScreen() throws {
        var state = try T.state(width: 120, height: 40)
        var many = ConsoleState(width: 120, height: 40, mode: .edit)
        var snapshot = try ConsoleTestData.demoSnapshot()
        snapshot.domains = (0..<500).map { HostedDomain(name: "d\($0).example", lists: [.local]) }
        _ = ConsoleReducer.reduce(&many, .serverRead(snapshot, findings: []))
        T.press([.pageDown, .pageDown], &many)
        #expect(many.positions[0].selected == 2 * many.paneRows)
        _ = ConsoleReducer.reduce(&many, .resize(width: 80, height: 24))
        let p = many.positions[0]
        #expect(p.selected >= p.top && p.selected < p.top + many.paneRows)
        #expect(ConsoleReducer.reduce(&state, .resize(width: 60, height: 20)) == [.redrawScreen])
        #expect(!state.fitsMinimum)
        T.press([.down], &state)  // ignored while too small
        #expect(state.positions[0].selected == 0)
        #expect(T.press([.character("q")], &state) == [.quit])
    }

    @Test func rereadKeepsSelectionByName() throws {
        var state = try T.state()
        T.press([.down, .down], &state)
        #expect(selectedText(state) == "bob.example.net")
        var snapshot = try ConsoleTestData.demoSnapshot()
        snapshot.domains.insert(HostedDomain(name: "aaa.example", lists: [.local]), at: 0)
        _ = ConsoleReducer.reduce(&state, .serverRead(snapshot, findings: []))
        #expect(selectedText(state) == "bob.example.net")
        #expect(state.data.rows[0].allSatisfy { $0.severity == nil })
    }

    @Test func liveRejectionsFillTheStripAndKeepTheCount() throws {
        var state = try T.state()
        let r = Rejection(time: "2026-11-29 10:00:00", ip: IPAddress("203.0.113.10"), helo: "shop.example.com", rule: .cpanelImpersonating,
                          stage: .mail, side: .receiver, location: SourceLocation(file: "/var/log/exim_mainlog", line: 99), raw: "x")
        _ = ConsoleReducer.reduce(&state, .log(.rejections([r], live: false)))
        #expect(state.liveRejections.isEmpty)
        _ = ConsoleReducer.reduce(&state, .log(.rejections(Array(repeating: r, count: 30), live: true)))
        #expect(state.liveRejections.count == ConsoleState.liveLimit)
        #expect(state.logStatus == .following(rejections: 52))
    }

    @Test func relatedRowsShareNamesOrFindings() throws {
        let state = try T.state()
        let vps = state.data.rows[Pane.whitelist.rawValue].firstIndex { $0.text == "198.51.100.7" }!
        let related = state.data.related(to: RowAddress(.whitelist, vps))
        let texts = Set(related.map { state.data.rows[$0.pane.rawValue][$0.row].text })
        // The info finding links the VPS IP with the hostname rows in the other panes.
        #expect(texts.contains("server1.hostco.example"))
        #expect(!texts.contains("alice.example.org"))
    }
}
