import Console
import Foundation
import Testing

/// The panes fill with the server's rows before its findings are worked out; until they arrive
/// nothing may claim there are none, and keys that need them say they are coming.
@Suite struct FindingsPendingTests {
    typealias T = ConsoleTestData

    static func rowsOnly() throws -> ConsoleState {
        var state = ConsoleState(width: 120, height: 40, mode: .edit)
        _ = ConsoleReducer.reduce(&state, .serverFilesRead(try T.demoSnapshot()))
        return state
    }

    @Test func rowsFirstSayTheFindingsAreBeingCheckedNotThatThereAreNone() throws {
        var state = try Self.rowsOnly()
        #expect(state.loaded && state.findingsPending)
        let main = ConsoleView.render(state).text
        #expect(main.contains("shop.example.com"), "the domains pane is not filled:\n\(main)")
        #expect(main.contains("checking findings"))
        #expect(!main.contains("0 critical"), "counts before the rules ran:\n\(main)")
        _ = T.press([.character("f")], &state)
        let list = ConsoleView.render(state).text
        #expect(!list.contains("No findings"), "\(list)")
        _ = T.press([.escape], &state)
        for key: Key in [.character("n"), .enter, .character("e"), .character("w")] {
            state.message = nil
            let effects = T.press([key], &state)
            #expect(effects.isEmpty)
            #expect(state.fix == nil)
            #expect(state.message?.text == ConsoleState.findingsPendingText, "\(key): \(String(describing: state.message))")
        }
    }

    @Test func theFindingsReplaceThePendingStateAndALaterRowsOnlyReadIsIgnored() throws {
        var state = try Self.rowsOnly()
        _ = ConsoleReducer.reduce(&state, .serverRead(try T.demoSnapshot(), findings: T.findings))
        #expect(!state.findingsPending)
        #expect(ConsoleView.render(state).text.contains("critical"))
        _ = ConsoleReducer.reduce(&state, .serverFilesRead(try T.demoSnapshot()))
        #expect(!state.findingsPending, "a rows-only read after the findings must not hide them")
        #expect(state.data.findings.count == T.findings.count)
    }
}
