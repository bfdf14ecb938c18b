import Console
import Diagnosis
import MailServer
import Testing

/// 100,000 domains: the console prepares them once and then draws only what is on screen.
/// (Timings are measured by helofix-bench, never asserted here.)
@Suite struct ConsoleScaleTests {
    @Test func hundredThousandDomainsScrollToTheEndAndFilter() throws {
        var snapshot = try ConsoleTestData.demoSnapshot()
        snapshot.domains = (0..<100_000).map { HostedDomain(name: "shop\($0).example", lists: [.local], owner: "u\($0 % 500)") }
        let orphan = Finding(rule: .orphanLocalDomain, severity: .critical, title: "shop99999.example has no owner",
                             subjects: [.domain("shop99999.example")], evidence: [], explanation: "", remedies: [])
        var state = ConsoleState(width: 120, height: 40, mode: .readOnly)
        _ = ConsoleReducer.reduce(&state, .serverRead(snapshot, findings: [orphan]))
        _ = ConsoleReducer.reduce(&state, .key(.end))
        let text = ConsoleView.render(state).text
        #expect(text.contains("!!▶ shop99999.example"))
        #expect(text.contains("Hosted domains (100000)"))
        #expect(text.contains(" 100000/100000 "))
        _ = ConsoleReducer.reduce(&state, .key(.character("/")))
        for c in "shop4242." { _ = ConsoleReducer.reduce(&state, .key(.character(c))) }
        #expect(state.visible[0].count == 1)
        #expect(ConsoleView.render(state).text.contains("Hosted domains (1/100000)"))
    }
}
