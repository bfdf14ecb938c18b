import Console
import Diagnosis
import Foundation
import MailServer
import Remedy
import Testing

/// What a first-time admin trips on at 80x24: every screen offers only what it can do, says
/// where it is, and keeps the same words and order wherever a fix starts.
@Suite struct ConsoleHonestyTests {
    typealias T = ConsoleTestData

    static func lines(_ state: ConsoleState) -> [String] {
        ConsoleView.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func footer(_ state: ConsoleState) -> String { lines(state)[state.height - 1] }
    static func messageLine(_ state: ConsoleState) -> String { lines(state)[state.height - 2] }

    /// Selects the row with `text` in `pane` of the main screen.
    static func select(_ text: String, in pane: Pane, _ state: inout ConsoleState) {
        let row = state.data.rows[pane.rawValue].firstIndex { $0.text == text }!
        state.focus = pane
        state.positions[pane.rawValue].select(row, count: state.data.rows[pane.rawValue].count, page: state.paneRows)
    }

    // MARK: - Read-only and refusals

    @Test func readOnlyFootersOfferNoFixWizardOrRollback() throws {
        var state = try T.state(mode: .readOnly)
        let main = Self.footer(state)
        #expect(!main.contains("e fix") && !main.contains("w wizard"), "\(main)")
        #expect(main.contains("H history"), "\(main)")
        _ = T.press([.character("f")], &state)
        #expect(!Self.footer(state).contains("fix"))
        _ = T.press([.escape, .character("H")], &state)
        _ = ConsoleReducer.reduce(&state, .fix(.historyLoaded([try FixFlowTests.record("t1", "committed")])))
        #expect(!Self.footer(state).contains("roll back"), "\(Self.footer(state))")
        _ = T.press([.character("r")], &state)
        #expect(state.fix == nil && state.message?.text == FixText.readOnly)
        // The wizard explains and previews in read-only mode, but its preview offers no confirmation.
        _ = T.press([.escape, .character("w"), .enter, .enter], &state)
        if case .planning(let target) = state.fix?.plan {
            _ = ConsoleReducer.reduce(&state, .fix(.planned(target, .success(FixFlowTests.removalPlan))))
        }
        _ = T.press([.enter], &state)
        #expect(state.fix?.step == .preview)
        #expect(!Self.footer(state).contains("confirm"), "\(Self.footer(state))")
    }

    @Test func aRefusedRollbackOffersNoConfirmationAndNoForce() throws {
        var state = try T.state()
        _ = T.press([.character("H")], &state)
        _ = ConsoleReducer.reduce(&state, .fix(.historyLoaded([try FixFlowTests.record("t1", "committed")])))
        #expect(Self.footer(state).contains("r roll back"))
        _ = T.press([.character("r")], &state)
        let refusal = RemedyError(.conflict, "files changed after transaction t1, so rolling it back would lose those changes; nothing was written (use --force to roll back anyway):\n/etc/localdomains")
        _ = ConsoleReducer.reduce(&state, .fix(.planned(.rollback("t1"), .failure(refusal))))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("nothing was written"), "\(screen)")
        #expect(!screen.contains("--force"), "\(screen)")
        #expect(!Self.footer(state).contains("confirm"), "\(Self.footer(state))")
        _ = T.press([.enter], &state)
        #expect(state.fix?.step == .preview)
        #expect(state.message?.text.contains("--force") == false)
    }

    @Test func noRemedyMessageSuggestsForceInTheConsole() throws {
        var (state, _) = try FixFlowTests.openShopFix()
        let error = RemedyError(.invalidInput, "shop.example.com is still owned by the account shop here; remove or move the account with the panel (WHM » Terminate Account) instead, or use --force to remove only the mail traces")
        _ = ConsoleReducer.reduce(&state, .fix(.planned(.remedy(.removeDomain("shop.example.com")), .failure(error))))
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("Terminate Account) instead") && !screen.contains("--force"), "\(screen)")
    }

    // MARK: - Messages and marks

    @Test func eOnAHealthyDomainSaysThereIsNothingToFixAndTheMessageGoesWithTheScreen() throws {
        var state = try T.state()
        Self.select("alice.example.org", in: .domains, &state)
        let effects = T.press([.character("e")], &state)
        #expect(effects.isEmpty && state.fix == nil)
        #expect(state.message?.text == "No finding concerns alice.example.org: nothing to fix here.")
        _ = T.press([.character("f")], &state)
        #expect(state.message == nil, "the message belongs to the screen it was written on")
        #expect(!Self.messageLine(state).contains("nothing to fix"))
    }

    @Test func theSeverityMarkNeverCoversScrolledText() throws {
        var state = try T.state()
        var long = T.findings[1]
        long.evidence += (1...30).map { (n: Int) in .file(SourceLocation(file: "/etc/localdomains", line: n), text: "line \(n)") }
        _ = ConsoleReducer.reduce(&state, .serverRead(try T.demoSnapshot(), findings: [long]))
        _ = T.press([.character("f"), .enter], &state)
        #expect(Self.lines(state)[2].contains("!! shop.example.com"))
        _ = T.press([.down, .down], &state)
        let row = Self.lines(state)[2]
        #expect(!row.hasPrefix("  !!"), "the mark stayed on a scrolled line: \(row)")
    }

    @Test func theResultsWhyLineIsTheWholeExplanation() throws {
        var (state, _) = try FixFlowTests.openShopFix()
        let target = FixTarget.remedy(.removeDomain("shop.example.com"))
        _ = ConsoleReducer.reduce(&state, .fix(.planned(target, .success(FixFlowTests.removalPlan))))
        _ = T.press([.enter, .enter] + "shop.example.com".map { .character($0) } + [.enter], &state)
        _ = ConsoleReducer.reduce(&state, .fix(.applied(target, .success(try FixFlowTests.record("t1", "committed")))))
        var finding = T.findings[1]
        finding.explanation = "The domain moved to e.g. another server. This one still delivers it locally."
        _ = ConsoleReducer.reduce(&state, .serverRead(try T.demoSnapshot(), findings: [finding]))
        _ = ConsoleReducer.reduce(&state, .fix(.reread(after: target)))
        let text = Self.lines(state).joined(separator: " ").replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        #expect(text.contains("Why: The domain moved to e.g. another server. This one still delivers it locally."), "\(text)")
    }

    // MARK: - Remedy order and the whitelist

    @Test func theSameRemediesInTheSameOrderFromEveryEntryPoint() throws {
        let state = try T.state()
        let hostRow = state.data.rows[Pane.greetings.rawValue].firstIndex { $0.note == "hostname" }!
        let address = RowAddress(.greetings, hostRow)
        let worst = state.data.rows[Pane.greetings.rawValue][hostRow].findings.min()!
        let fromFinding = FixOptions.forFinding(state.data.findings[worst], hostname: state.data.hostname)
        let fromRow = FixOptions.forRow(address, in: state.data)
        #expect(Array(fromRow.prefix(fromFinding.count)) == fromFinding, "the row's options must start with its finding's, in order")
        #expect(fromRow.contains { $0.kind == nil }, "advice (the sender's own fix) is offered from the row too")
    }

    @Test func whitelistingIsNeverRecommendedAndNotOfferedToAWhitelistedSender() throws {
        var state = try T.state()
        let senderFix = RemedyOption(.advice("Make the VPS greet as vps1.example.net"), title: "Fix the sender's greeting", tradeOff: "Done on the sender.")
        let exempt = RemedyOption(.whitelistSender("198.51.100.7"), title: "Whitelist 198.51.100.7", tradeOff: "An infected sender floods the server.")
        var finding = T.findings[2]
        finding.remedies = [exempt, senderFix]
        let options = FixOptions.forFinding(finding, hostname: "server1.hostco.example")
        #expect(options[0].kind == .whitelist && !options[0].recommended)
        state.fix = FixFlow(step: .choose, finding: finding, subject: finding.title, options: options)
        #expect(!ConsoleView.render(state).text.contains("(recommended)"))
        state.fix = nil
        let row = state.data.rows[Pane.whitelist.rawValue].firstIndex { $0.text == "198.51.100.7" }!
        let fromRow = FixOptions.forRow(RowAddress(.whitelist, row), in: state.data)
        #expect(!fromRow.contains { $0.title.contains("with the list that bypasses") }, "\(fromRow.map(\.title))")
    }

    // MARK: - Wizard

    @Test func theWizardStartsOnTheWorstFindingAndMovesWhenLogEvidenceMakesOneWorse() throws {
        var state = ConsoleState(width: 80, height: 24, mode: .edit)
        let snapshot = try T.demoSnapshot()
        var quiet = T.findings[1]
        quiet.severity = .warning
        _ = ConsoleReducer.reduce(&state, .serverRead(snapshot, findings: [T.findings[0], quiet]))
        _ = T.press([.character("w")], &state)
        #expect(state.fix?.finding?.rule == .ineffectiveWhitelist)
        #expect(Self.lines(state)[1].contains("Wizard: finding 1 of 2"), "\(Self.lines(state)[1])")
        // The log scan finds the rejections: the orphan domain is now critical, and the wizard goes there.
        _ = ConsoleReducer.reduce(&state, .serverRead(snapshot, findings: T.findings))
        #expect(state.fix?.finding?.rule == .orphanLocalDomain)
        #expect(Self.lines(state)[1].contains("finding 1 of 3"))
        _ = T.press([.character("s")], &state)
        #expect(Self.lines(state)[1].contains("finding 2 of 3 (1 skipped)"), "\(Self.lines(state)[1])")
        // Once the admin has moved on, a re-read no longer moves the wizard.
        let now = state.fix?.finding?.id
        _ = ConsoleReducer.reduce(&state, .serverRead(snapshot, findings: T.findings))
        #expect(state.fix?.finding?.id == now)
    }

    @Test func aByHandRemedyHasItsOwnPageWithDoneNext() throws {
        var state = try T.state()
        _ = T.press([.character("w")], &state)
        while state.fix?.finding?.rule != .rejectedHeloIsHostname, state.fix != nil { _ = T.press([.character("s")], &state) }
        #expect(state.fix?.finding?.rule == .rejectedHeloIsHostname)
        _ = T.press([.enter, .enter], &state)
        #expect(state.fix?.step == .byHand)
        let screen = ConsoleView.render(state).text
        #expect(screen.contains("By hand: Give the other machine its own hostname") && screen.contains("Give the VPS its own hostname"), "\(screen)")
        #expect(Self.footer(state).contains("Enter done, next"), "\(Self.footer(state))")
        _ = T.press([.escape], &state)
        #expect(state.fix?.step == .choose)
        _ = T.press([.enter, .enter], &state)
        #expect(state.fix == nil)
        #expect(state.message?.text.contains("1 by hand") == true, "\(state.message?.text ?? "")")
    }

    // MARK: - 80x24

    @Test func aLongRowIsReadableInFullOnTheMessageLine() throws {
        var state = try T.state()
        let greeting = state.data.rows[Pane.greetings.rawValue].first { $0.text.hasPrefix("shop.example.com:") }!
        Self.select(greeting.text, in: .greetings, &state)
        state.message = nil
        let line = Self.messageLine(state)
        #expect(line.contains("Greeting names: \(greeting.text)"), "\(line)")
        // A row that fits says nothing there.
        Self.select("bob.example.net", in: .domains, &state)
        #expect(Self.messageLine(state).trimmingCharacters(in: .whitespaces).isEmpty)
    }

    @Test func theMainFooterShowsHistoryAndLongScreensShowWhereTheyAre() throws {
        var state = try T.state()
        #expect(Self.footer(state).contains("H history"), "\(Self.footer(state))")
        _ = T.press([.character("?")], &state)
        let help = Self.lines(state)
        #expect(help[1].range(of: #" 1-20/\d+ "#, options: .regularExpression) != nil, "\(help[1])")
        #expect(Self.footer(state).contains("Up/Down scroll"))
        _ = T.press([.escape], &state)
        var long = T.findings[1]
        long.evidence += (1...30).map { (n: Int) in .file(SourceLocation(file: "/etc/localdomains", line: n), text: "line \(n)") }
        _ = ConsoleReducer.reduce(&state, .serverRead(try T.demoSnapshot(), findings: [long]))
        _ = T.press([.character("f"), .enter, .pageDown], &state)
        #expect(Self.lines(state)[1].range(of: #" 21-40/\d+ "#, options: .regularExpression) != nil, "\(Self.lines(state)[1])")
        #expect(Self.footer(state).hasPrefix(" Up/Down scroll"), "\(Self.footer(state))")
    }

    // MARK: - Keys everywhere

    @Test func keysTomlAppliesToTheFixHistoryAndWizardScreens() throws {
        let (keymap, warnings) = Keymap.standard.overridden(byTOML: "[keys]\nback = \"b\"\ndown = \"J\"\nopen = \"o\"\n", file: "keys.toml")
        #expect(warnings.isEmpty)
        var state = try T.state()
        state.keymap = keymap
        _ = T.press([.character("H")], &state)
        _ = ConsoleReducer.reduce(&state, .fix(.historyLoaded([try FixFlowTests.record("a", "committed"), try FixFlowTests.record("b2", "committed")])))
        _ = T.press([.character("J")], &state)
        #expect(state.history?.position.selected == 1)
        #expect(Self.footer(state).contains("b close") && Self.footer(state).contains("o diff"), "\(Self.footer(state))")
        _ = T.press([.character("b")], &state)
        #expect(state.history == nil)
        _ = T.press([.character("w")], &state)
        #expect(state.fix?.step == .explain)
        _ = T.press([.character("o")], &state)
        #expect(state.fix?.step == .choose)
        _ = T.press([.character("b"), .character("b")], &state)
        #expect(state.fix == nil, "b (back) leaves the wizard")
    }

    @Test func helpListsWhatIsBoundOnTheCurrentScreen() throws {
        var state = try T.state()
        _ = T.press([.character("?")], &state)
        var help = HelpText.lines(for: state).map(\.summary)
        #expect(help.contains("Filter rows (Enter keeps, Esc clears)") && !help.contains { $0.hasPrefix("Roll back") })
        _ = T.press([.escape, .character("H")], &state)
        _ = ConsoleReducer.reduce(&state, .fix(.historyLoaded([try FixFlowTests.record("a", "committed")])))
        _ = T.press([.character("?")], &state)
        #expect(state.screen == .help && state.history != nil)
        help = HelpText.lines(for: state).map(\.summary)
        #expect(help.contains { $0.hasPrefix("Roll back the selected transaction") } && !help.contains { $0.hasPrefix("Filter rows") })
        #expect(Self.lines(state)[1].contains("Help: keys on the history"))
        _ = T.press([.escape], &state)
        #expect(state.screen == .main && state.history != nil, "help returns to the history")
        var readOnly = try T.state(mode: .readOnly)
        _ = T.press([.character("?")], &readOnly)
        #expect(!HelpText.lines(for: readOnly).contains { $0.summary.hasPrefix("Fix the selected") })
    }
}
