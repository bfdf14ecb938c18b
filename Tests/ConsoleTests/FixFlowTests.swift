import Console
import Foundation
import Diagnosis
import Remedy
import Testing

/// The fix screens' logic through the pure reducer: which effects each key asks for, and that
/// nothing can reach an apply before the confirmation, or at all in read-only mode.
@Suite struct FixFlowTests {
    /// A plan as the Remedy layer would make it for removing shop.example.com.
    static let removalPlan = Plan(request: .removeDomain("shop.example.com"), title: "Remove every trace of shop.example.com",
                                  explanation: "This server still treats it as its own.",
                                  files: [FileChange(path: "/etc/localdomains", before: Array("a.example\nshop.example.com\n".utf8),
                                                     after: Array("a.example\n".utf8), expected: nil)])

    /// Opens the fix for the detail screen's finding (shop.example.com's orphan-domain finding).
    static func openShopFix(_ mode: ConsoleMode = .edit) throws -> (ConsoleState, [ConsoleEffect]) {
        var state = try ConsoleTestData.state(mode: mode)
        let index = state.data.findings.firstIndex { $0.rule == .orphanLocalDomain }!
        state.findingsPosition.select(index, count: state.data.findings.count, page: 10)
        state.screen = .findings
        let effects = ConsoleTestData.press([.character("e")], &state)
        return (state, effects)
    }

    /// A record as `helofix history --format json` prints it (the type has no public initializer).
    static func record(_ id: String, _ state: String) throws -> TransactionRecord {
        let json = """
            {"id": "\(id)", "time": "2026-11-29T12:00:00Z", "who": "alice", "identity": {"user": "root", "sudoUser": "alice"},
             "remedy": "remove-domain \(id).example", "title": "t", "reason": "", "files": ["/etc/localdomains"], "commands": [],
             "state": "\(state)"}
            """
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(TransactionRecord.self, from: Data(json.utf8))
    }

    /// The first frame comes before the server is read: the fix keys say so instead of
    /// claiming there is nothing to fix, and ask for nothing.
    @Test func fixKeysBeforeTheFirstReadSayTheServerIsStillBeingRead() {
        var state = ConsoleState(width: 80, height: 24, mode: .edit)
        for key in ["w", "e"] {
            let effects = ConsoleTestData.press([.character(Character(key))], &state)
            #expect(effects.isEmpty)
            #expect(state.fix == nil)
            #expect(state.message?.0 == "The server is still being read; try again in a moment.")
        }
    }

    static func plans(_ effects: [ConsoleEffect]) -> [FixTarget] {
        effects.compactMap { if case .fix(.plan(let t)) = $0 { t } else { nil } }
    }

    static func applies(_ effects: [ConsoleEffect]) -> Int {
        effects.filter { if case .fix(.apply) = $0 { true } else { false } }.count
    }

    @Test func aSingleRemedyGoesStraightToTheFormAndPlansAsYouType() throws {
        var (state, effects) = try Self.openShopFix()
        #expect(state.fix?.step == .form)
        #expect(Self.plans(effects) == [.remedy(.removeDomain("shop.example.com"))])
        effects = ConsoleTestData.press([.backspace, .character("m")], &state)
        #expect(Self.plans(effects) == [.remedy(.removeDomain("shop.example.co")), .remedy(.removeDomain("shop.example.com"))])
        // An answer for text that has changed since is dropped; the current one is kept.
        _ = ConsoleReducer.reduce(&state, .fix(.planned(.remedy(.removeDomain("shop.example.co")), .failure(RemedyError(.invalidInput, "stale")))))
        #expect(state.fix?.refusal == nil)
        _ = ConsoleReducer.reduce(&state, .fix(.planned(.remedy(.removeDomain("shop.example.com")), .success(Self.removalPlan))))
        #expect(state.fix?.readyPlan?.title == Self.removalPlan.title)
        let render = ConsoleView.render(state).text
        #expect(render.contains("Domain to remove: shop.example.com") && render.contains("OK: Remove every trace"))
    }

    @Test func aRefusedValueStaysOnTheFormWithTheRemedyLayersWords() throws {
        var (state, _) = try Self.openShopFix()
        _ = ConsoleTestData.press([.control("u"), .character("x")], &state)
        _ = ConsoleReducer.reduce(&state, .fix(.planned(.remedy(.removeDomain("x")), .failure(RemedyError(.invalidInput, "the domain x is not valid")))))
        #expect(ConsoleView.render(state).text.contains("the domain x is not valid"))
        _ = ConsoleTestData.press([.enter], &state)
        #expect(state.fix?.step == .form)
    }

    /// Keys typed after Enter while the value is being checked were meant for the next step: they
    /// must not change the value, and the preview must be on screen before any of them could
    /// confirm anything.
    @Test func keysTypedWhileTheValueIsCheckedDoNotChangeItAndThePreviewOpensWhenReady() throws {
        var (state, _) = try Self.openShopFix()
        let effects = ConsoleTestData.press([.enter, .character("y"), .enter, .backspace, .character("y")], &state)
        #expect(Self.plans(effects).isEmpty, "a key typed while checking asked for a new plan")
        #expect(state.fix?.text == "shop.example.com")
        #expect(state.fix?.step == .form)
        #expect(state.message?.text.contains("keys typed until then are ignored") == true)
        _ = ConsoleReducer.reduce(&state, .fix(.planned(.remedy(.removeDomain("shop.example.com")), .success(Self.removalPlan))))
        #expect(state.fix?.step == .preview)
        #expect(state.message == nil)
        // Typing works again on the form; an answer for a value no Enter waited on opens nothing.
        _ = ConsoleTestData.press([.escape, .character("x")], &state)
        #expect(state.fix?.step == .form && state.fix?.text == "shop.example.comx")
        _ = ConsoleReducer.reduce(&state, .fix(.planned(.remedy(.removeDomain("shop.example.comx")), .success(Self.removalPlan))))
        #expect(state.fix?.step == .form)
    }

    @Test func aRefusalAnsweringAWaitingEnterStaysOnTheFormAndSaysWhy() throws {
        var (state, _) = try Self.openShopFix()
        _ = ConsoleTestData.press([.control("u"), .character("x"), .enter], &state)
        _ = ConsoleReducer.reduce(&state, .fix(.planned(.remedy(.removeDomain("x")), .failure(RemedyError(.invalidInput, "the domain x is not valid")))))
        #expect(state.fix?.step == .form)
        #expect(state.message?.text == "the domain x is not valid" && state.message?.isError == true)
        // Escape while waiting goes back without waiting.
        _ = ConsoleTestData.press([.backspace, .character("y"), .enter, .escape], &state)
        #expect(state.fix?.step != .form && state.fix?.awaitingCheck != true)
    }

    @Test func destructiveChangesNeedTheNameTypedBeforeAnyApply() throws {
        var (state, _) = try Self.openShopFix()
        _ = ConsoleReducer.reduce(&state, .fix(.planned(.remedy(.removeDomain("shop.example.com")), .success(Self.removalPlan))))
        var effects = ConsoleTestData.press([.enter, .enter], &state)
        #expect(state.fix?.step == .confirm)
        effects += ConsoleTestData.press([.character("y"), .enter], &state)
        #expect(Self.applies(effects) == 0, "y or an empty confirmation must not apply a domain removal")
        #expect(state.fix?.confirmation == "y")
        effects = ConsoleTestData.press([.backspace] + "shop.example.com".map { .character($0) } + [.enter], &state)
        #expect(Self.applies(effects) == 1)
        #expect(state.fix?.step == .applying)
        let record = try Self.record("20261129-120000-abcd", "committed")
        _ = ConsoleReducer.reduce(&state, .fix(.applied(.remedy(.removeDomain("shop.example.com")), .success(record))))
        #expect(state.fix?.step == .result)
        #expect(ConsoleView.render(state).text.contains("Applied: transaction 20261129-120000-abcd"))
    }

    @Test func theResultSaysWhenTheFindingIsStillReportedAndWhy() throws {
        var (state, _) = try Self.openShopFix()
        let target = FixTarget.remedy(.removeDomain("shop.example.com"))
        _ = ConsoleReducer.reduce(&state, .fix(.planned(target, .success(Self.removalPlan))))
        _ = ConsoleTestData.press([.enter, .enter] + "shop.example.com".map { .character($0) } + [.enter], &state)
        _ = ConsoleReducer.reduce(&state, .fix(.applied(target, .success(try Self.record("20261129-120000-abcd", "committed")))))
        #expect(ConsoleView.render(state).text.contains("Reading the server again"))
        // The re-read still reports the finding (e.g. an account still owns the domain).
        _ = ConsoleReducer.reduce(&state, .serverRead(try ConsoleTestData.demoSnapshot(), findings: ConsoleTestData.findings))
        _ = ConsoleReducer.reduce(&state, .fix(.reread(after: target)))
        let still = ConsoleView.render(state).text
        #expect(still.contains("The finding is still reported: shop.example.com is local here"))
        #expect(still.contains("Why: The domain moved to another server"), "\(still)")
        _ = ConsoleReducer.reduce(&state, .serverRead(try ConsoleTestData.demoSnapshot(), findings: []))
        #expect(ConsoleView.render(state).text.contains("The finding is gone"))
    }

    @Test func previewScrollStopsAtTheLastPage() throws {
        var (state, _) = try Self.openShopFix()
        var plan = Self.removalPlan
        plan.files = (0..<40).map { FileChange(path: "/etc/f\($0)", before: Array("a\n".utf8), after: Array("b\n".utf8), expected: nil) }
        _ = ConsoleReducer.reduce(&state, .fix(.planned(.remedy(.removeDomain("shop.example.com")), .success(plan))))
        _ = ConsoleTestData.press([.enter] + Array(repeating: .pageDown, count: 50), &state)
        let last = state.fix?.scroll ?? 0
        #expect(last > 0 && last < 40 * 5)
        _ = ConsoleTestData.press([.up], &state)
        #expect(state.fix?.scroll == last - 1)
        #expect(ConsoleView.render(state).text.contains("/etc/f39"))
    }

    @Test func escapeGoesBackOneStepAtATime() throws {
        var (state, _) = try Self.openShopFix()
        _ = ConsoleReducer.reduce(&state, .fix(.planned(.remedy(.removeDomain("shop.example.com")), .success(Self.removalPlan))))
        _ = ConsoleTestData.press([.enter, .enter], &state)
        #expect(state.fix?.step == .confirm)
        _ = ConsoleTestData.press([.escape], &state)
        #expect(state.fix?.step == .preview)
        _ = ConsoleTestData.press([.escape], &state)
        #expect(state.fix?.step == .form)
        _ = ConsoleTestData.press([.escape], &state)
        #expect(state.fix == nil, "a single remedy has no options step: Esc leaves the fix")
    }

    @Test func readOnlyNeverAsksToApply() throws {
        var state = try ConsoleTestData.state(mode: .readOnly)
        var effects = ConsoleTestData.press([.character("e")], &state)
        #expect(state.fix == nil && state.message?.text == FixText.readOnly)
        // The wizard explains and previews, but stops at the preview.
        effects += ConsoleTestData.press([.character("w"), .enter, .enter], &state)
        if case .planning(let target) = state.fix?.plan {
            _ = ConsoleReducer.reduce(&state, .fix(.planned(target, .success(Self.removalPlan))))
        }
        let keys: [Key] = [.enter, .enter, .character("y")] + "shop.example.com".map { .character($0) } + [.enter, .character("y")]
        effects += ConsoleTestData.press(keys, &state)
        #expect(Self.applies(effects) == 0)
        #expect(state.fix?.step != .confirm && state.fix?.step != .applying)
        #expect(state.message?.text == FixText.readOnly)
    }

    @Test func wizardWalksFindingsWithRemediesAndSkips() throws {
        var state = try ConsoleTestData.state()
        _ = ConsoleTestData.press([.character("w")], &state)
        let first = state.fix?.finding?.id
        #expect(state.fix?.step == .explain && first == state.data.findings.first { !$0.remedies.isEmpty }?.id)
        #expect(ConsoleView.render(state).text.contains("What is wrong"))
        _ = ConsoleTestData.press([.enter], &state)
        #expect(state.fix?.step == .choose)
        _ = ConsoleTestData.press([.escape], &state)
        #expect(state.fix?.step == .explain)
        _ = ConsoleTestData.press([.character("s")], &state)
        #expect(state.fix?.finding?.id != first)
        _ = ConsoleTestData.press([.character("s"), .character("s"), .character("s")], &state)
        #expect(state.fix == nil && state.message?.text.hasPrefix("Wizard done") == true)
    }

    @Test func historyListsNewestFirstAndRollbackStartsAtThePreview() throws {
        var state = try ConsoleTestData.state()
        let effects = ConsoleTestData.press([.character("H")], &state)
        #expect(effects.contains { if case .fix(.loadHistory) = $0 { true } else { false } })
        _ = ConsoleReducer.reduce(&state, .fix(.historyLoaded([try Self.record("old", "rolled-back"), try Self.record("new", "committed")])))
        #expect(state.history?.selected?.id == "new")
        #expect(ConsoleView.render(state).text.contains("alice  committed  remove-domain new.example"))
        let rollback = ConsoleTestData.press([.character("r")], &state)
        #expect(Self.plans(rollback) == [.rollback("new")])
        #expect(state.fix?.step == .preview)
        _ = ConsoleTestData.press([.escape, .down, .character("r")], &state)
        #expect(state.fix == nil && state.message?.text.contains("rolled-back") == true)
    }
}
