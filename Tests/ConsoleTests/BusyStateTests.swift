import Console
import Foundation
import Remedy
import Testing

/// While the runtime's worker plans or applies, the screen keeps answering keys; keys that would
/// leave an apply or start the same work twice refuse politely, and answers that no longer match
/// the screen are dropped.
@Suite struct BusyStateTests {
    static let target = FixTarget.remedy(.removeDomain("shop.example.com"))

    /// The shop.example.com fix, confirmed: the apply has been handed to the runtime.
    static func applying(plan: Plan = FixFlowTests.removalPlan) throws -> ConsoleState {
        var (state, _) = try FixFlowTests.openShopFix()
        _ = ConsoleReducer.reduce(&state, .fix(.planned(target, .success(plan))))
        let effects = ConsoleTestData.press([.enter, .enter] + "shop.example.com".map { .character($0) } + [.enter], &state)
        #expect(FixFlowTests.applies(effects) == 1)
        #expect(state.fix?.step == .applying)
        return state
    }

    @Test func theApplyingStepSaysDoNotCloseAndRefusesToLeave() throws {
        var state = try Self.applying()
        #expect(ConsoleView.render(state).text.contains("do not close"))
        for key: Key in [.character("q"), .escape, .enter, .left] {
            let effects = ConsoleTestData.press([key], &state)
            #expect(effects.isEmpty, "\(key) must not quit or start anything while applying")
            #expect(state.fix?.step == .applying)
            #expect(state.message?.text.contains("wait for the result") == true, "\(key): \(String(describing: state.message))")
        }
        #expect(ConsoleView.render(state).text.contains("wait for the result"))
    }

    @Test func theApplyingStepStillScrollsAndOpensHelp() throws {
        var plan = FixFlowTests.removalPlan
        plan.files = (0..<60).map { FileChange(path: "/etc/f\($0)", before: Array("a\n".utf8), after: Array("b\n".utf8), expected: nil) }
        var state = try Self.applying(plan: plan)
        _ = ConsoleTestData.press([.down, .down], &state)
        #expect(state.fix?.scroll == 2)
        #expect(state.fix?.step == .applying)
        _ = ConsoleTestData.press([.character("?")], &state)
        #expect(state.screen == .help)
        _ = ConsoleTestData.press([.escape], &state)
        #expect(state.screen != .help && state.fix?.step == .applying)
        // The answer still lands on the applying step it was asked from.
        _ = ConsoleReducer.reduce(&state, .fix(.applied(Self.target, .success(try FixFlowTests.record("20261201-120000-abcd", "committed")))))
        #expect(state.fix?.step == .result)
    }

    @Test func onlyAReadAfterTheCommitSaysWhetherTheFindingIsGone() throws {
        var state = try Self.applying()
        _ = ConsoleReducer.reduce(&state, .fix(.applied(Self.target, .success(try FixFlowTests.record("20261201-120000-abcd", "committed")))))
        // A read that was already under way during the apply (the finding still there) is stale for the result.
        _ = ConsoleReducer.reduce(&state, .serverRead(try ConsoleTestData.demoSnapshot(), findings: ConsoleTestData.findings))
        #expect(state.fix?.outcome?.reread == false)
        #expect(ConsoleView.render(state).text.contains("Reading the server again"))
        // A marker for another change says nothing about this one.
        _ = ConsoleReducer.reduce(&state, .fix(.reread(after: .remedy(.removeDomain("other.example")))))
        #expect(state.fix?.outcome?.reread == false)
        // The read that started after the commit: the finding is gone.
        _ = ConsoleReducer.reduce(&state, .serverRead(try ConsoleTestData.demoSnapshot(), findings: []))
        _ = ConsoleReducer.reduce(&state, .fix(.reread(after: Self.target)))
        #expect(state.fix?.outcome?.reread == true)
        #expect(ConsoleView.render(state).text.contains("The finding is gone"))
        // Later reads keep the answer current.
        _ = ConsoleReducer.reduce(&state, .serverRead(try ConsoleTestData.demoSnapshot(), findings: ConsoleTestData.findings))
        #expect(ConsoleView.render(state).text.contains("The finding is still reported"))
    }

    @Test func aFailedApplyIgnoresTheRereadMarker() throws {
        var state = try Self.applying()
        _ = ConsoleReducer.reduce(&state, .fix(.applied(Self.target, .failure(RemedyError(.notApplicable, "locked by cPanel")))))
        _ = ConsoleReducer.reduce(&state, .fix(.reread(after: Self.target)))
        #expect(state.fix?.outcome?.reread == false)
        #expect(ConsoleView.render(state).text.contains("Nothing was changed."))
    }

    @Test func anAnswerForAnotherStepOrTargetIsDropped() throws {
        var state = try Self.applying()
        let record = try FixFlowTests.record("20261201-120000-abcd", "committed")
        _ = ConsoleReducer.reduce(&state, .fix(.applied(.remedy(.removeDomain("other.example")), .success(record))))
        #expect(state.fix?.step == .applying, "an answer for another target must not end this apply")
        // A plan answer arriving during the apply (asked while typing) changes nothing.
        _ = ConsoleReducer.reduce(&state, .fix(.planned(Self.target, .failure(RemedyError(.invalidInput, "late")))))
        #expect(state.fix?.step == .applying && state.fix?.readyPlan != nil)
    }

    @Test func aSecondVerifyWaitsForTheFirstAnswer() throws {
        var state = try Self.applying()
        state.eximAvailable = true
        state.fix?.finding = ConsoleTestData.findings.first { f in
            f.evidence.contains { if case .log(let g) = $0 { g.ip != nil } else { false } }
        }
        try #require(state.fix?.verificationPair != nil, "the test data needs a finding with a logged rejection")
        _ = ConsoleReducer.reduce(&state, .fix(.applied(Self.target, .success(try FixFlowTests.record("20261201-120000-abcd", "committed")))))
        var effects = ConsoleTestData.press([.character("v")], &state)
        #expect(effects.count == 1)
        effects = ConsoleTestData.press([.character("v")], &state)
        #expect(effects.isEmpty)
        #expect(state.message?.text.contains("Still asking Exim") == true)
        _ = ConsoleReducer.reduce(&state, .fix(.verified("REJECTED by Exim: test")))
        effects = ConsoleTestData.press([.character("v")], &state)
        #expect(effects.count == 1, "once answered, v asks again")
    }
}
