import Console
import Diagnosis
import Remedy
import Testing

/// On a copy of a server (the demo, `--root DIR`) platform commands are not run: the preview says
/// so before anything is confirmed, and the result lists them as steps for the server.
@Suite struct CopyCommandsTests {
    typealias T = ConsoleTestData

    static let whitelistPlan = Plan(request: .whitelist("198.51.100.7"), title: "Accept 198.51.100.7 before the greeting checks",
                                    explanation: "cPanel runs custom_begin_mail first.",
                                    files: [FileChange(path: "/usr/local/cpanel/etc/exim/acls/ACL_MAIL_BLOCK/custom_begin_mail", before: nil,
                                                       after: Array("accept hosts = <; 198.51.100.7\n".utf8), expected: nil)],
                                    commands: [PlatformCommand(program: "/scripts/buildeximconf", arguments: [], why: "cPanel copies custom ACLs into exim.conf")])
    static let renamePlan = Plan(request: .renameHostname("server9.hostco.example"), title: "Rename this server",
                                 explanation: "The platform's own tool renames it.",
                                 commands: [PlatformCommand(program: "/usr/local/cpanel/bin/set_hostname", arguments: ["server9.hostco.example"],
                                                            why: "renames the host the cPanel/WHM way")])

    /// A console on a copy at `root`, with a fix flow at the preview of `plan`.
    static func preview(_ plan: Plan, kind: FixKind, text: String, root: String) throws -> ConsoleState {
        var state = ConsoleState(width: 100, height: 30, mode: .demo)
        var snapshot = try T.demoSnapshot()
        snapshot.root = root
        _ = ConsoleReducer.reduce(&state, .serverRead(snapshot, findings: T.findings))
        var flow = FixFlow(step: .preview, finding: nil, subject: "test", options: [FixOption(kind: kind, prefill: text, title: "t", tradeOff: "")])
        flow.kind = kind
        flow.text = text
        flow.plan = .ready(kind.target(for: text), plan)
        state.fix = flow
        return state
    }

    static func text(_ state: ConsoleState) -> String {
        ConsoleView.render(state).text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
    }

    @Test func onACopyThePreviewSaysTheCommandsAreForTheServerAndTheResultListsThem() throws {
        var state = try Self.preview(Self.whitelistPlan, kind: .whitelist, text: "198.51.100.7", root: "/tmp/helofix-demo-1")
        #expect(Self.text(state).contains("Not run on this copy (the root is not /): run these on the server itself: /scripts/buildeximconf"))
        #expect(ConsoleView.render(state).text.contains("Enter continue to confirm"))
        _ = T.press([.enter], &state)
        #expect(state.fix?.step == .confirm)
        #expect(Self.text(state).contains("0 commands run (1 to run on the server yourself)"), "\(Self.text(state))")
        let effects = T.press([.character("y")], &state)
        #expect(effects.contains { if case .fix(.apply) = $0 { true } else { false } })
        let record = try FixFlowTests.record("t1", "committed")
        _ = ConsoleReducer.reduce(&state, .fix(.applied(.remedy(.whitelist("198.51.100.7")), .success(record))))
        #expect(Self.text(state).contains("Still to do on the server (not run on this copy): /scripts/buildeximconf"), "\(Self.text(state))")
    }

    @Test func onACopyAPlanThatIsOnlyACommandIsNotOfferedForConfirmation() throws {
        var state = try Self.preview(Self.renamePlan, kind: .renameHostname, text: "server9.hostco.example", root: "/tmp/helofix-demo-1")
        #expect(Self.text(state).contains("There is nothing to write on this copy, so nothing to apply here."))
        #expect(!ConsoleView.render(state).text.contains("continue to confirm"))
        let effects = T.press([.enter, .character("y")], &state)
        #expect(state.fix?.step == .preview && effects.isEmpty)
        #expect(state.message?.text.hasPrefix("Nothing to apply on this copy") == true)
    }

    @Test func onTheServerItselfTheCommandsAreSimplyPartOfThePlan() throws {
        var state = try Self.preview(Self.renamePlan, kind: .renameHostname, text: "server9.hostco.example", root: "/")
        #expect(Self.text(state).contains("Commands: /usr/local/cpanel/bin/set_hostname server9.hostco.example"))
        #expect(!Self.text(state).contains("this copy"))
        _ = T.press([.enter], &state)
        #expect(state.fix?.step == .confirm)
    }
}
