import Console
import Diagnosis
import Foundation
import MailServer
import ServerFixtures
import Testing

/// The fleet console without a terminal: the three fixture servers read for real, their own
/// findings from the real rules and the cross-server findings from the real fleet engine.
@Suite("Fleet console")
struct FleetConsoleTests {
    /// ConsoleData for the fixture fleet (old, new, other), as `helofix fleet DEST --console` builds it.
    static func data(inventory: String? = "hosts.ini") throws -> ConsoleData {
        var servers: [FleetConsoleServer] = []
        var summaries: [FleetServer] = []
        for (name, tree) in Fixtures.fleet.sorted(by: { $0.name < $1.name }) {
            let root = try tree.writeToTemporaryDirectory(prefix: "helofix-fleet-console-test")
            defer { try? FileManager.default.removeItem(atPath: root) }
            var snapshot = try SnapshotReader(root: ServerRoot(root)).read()
            snapshot.root = "/"
            let scan = LogScanner(threads: 1).scan(LogFile.defaults(root: ServerRoot(root), platform: snapshot.platform))
            servers.append(FleetConsoleServer(name: name, snapshot: snapshot, findings: FindingEngine().evaluate(snapshot, rejections: scan.groups)))
            summaries.append(FleetServer(name: name, snapshot: snapshot, rejections: scan.groups))
        }
        return ConsoleData(fleet: servers, findings: FleetEngine().evaluate(summaries), dest: "/srv/helofix-fleet", inventory: inventory)
    }

    static func state(width: Int = 100, height: Int = 30) throws -> ConsoleState {
        var state = ConsoleState(width: width, height: height, mode: .readOnly)
        _ = ConsoleReducer.reduce(&state, .dataReady(try data()))
        return state
    }

    static func text(_ state: ConsoleState) -> String {
        ConsoleView.render(state).text
    }

    /// The server column of the row showing `text` in `pane`, from the rendered screen.
    static func serverColumn(_ screen: String, server: String, _ text: String) -> Bool {
        let pattern = #"(^|[^A-Za-z0-9.-])"# + server + " +" + NSRegularExpression.escapedPattern(for: text)
        return screen.split(separator: "\n").contains { $0.range(of: pattern, options: .regularExpression) != nil }
    }

    @Test func everyRowNamesItsServer() throws {
        let state = try Self.state()
        let screen = Self.text(state)
        #expect(screen.contains("fleet: all servers"), "\(screen)")
        #expect(Self.serverColumn(screen, server: "old", "shop.example.com"), "\(screen)")
        #expect(Self.serverColumn(screen, server: "new", "shop.example.com"), "\(screen)")
        #expect(Self.serverColumn(screen, server: "other", "da1.hostco.example"), "\(screen)")
        let fleet = try #require(state.data.fleet)
        #expect(fleet.servers.map(\.name) == ["new", "old", "other"])
        // Each row's server is the server whose snapshot it came from.
        for (i, row) in state.data.rows[Pane.domains.rawValue].enumerated() where row.text == "shop.example.com" {
            let server = fleet.servers[state.data.server(of: RowAddress(.domains, i))!].name
            #expect(["new", "old"].contains(server))
        }
    }

    @Test func theServerFilterCyclesThroughEachServerAndAll() throws {
        var state = try Self.state()
        let all = state.visible.map(\.count)
        ConsoleTestData.press([.character("s")], &state)
        #expect(state.serverFilter == 0)
        #expect(Self.text(state).contains("fleet: server new"))
        #expect(state.message?.text == "server 1/3: new (server2.hostco.example)")
        for pane in Pane.allCases {
            #expect(state.visible[pane.rawValue].allSatisfy { state.data.server(of: RowAddress(pane, $0)) == 0 })
        }
        #expect(state.visible[Pane.domains.rawValue].count < all[Pane.domains.rawValue])
        let newScreen = Self.text(state)
        #expect(Self.serverColumn(newScreen, server: "new", "shop.example.com") && !Self.serverColumn(newScreen, server: "old", "shop.example.com"))
        #expect(newScreen.contains("Hosted domains (2/"), "\(newScreen)")
        ConsoleTestData.press([.character("s"), .character("s")], &state)
        #expect(state.serverFilter == 2)
        ConsoleTestData.press([.character("s")], &state)
        #expect(state.serverFilter == nil)
        #expect(state.visible.map(\.count) == all)
        #expect(state.message?.text == "all 3 servers")
        ConsoleTestData.press([.character("S")], &state)
        #expect(state.serverFilter == 2, "S goes backwards from all to the last server")
        // The text filter and the server filter work together.
        ConsoleTestData.press([.character("S"), .character("/"), .character("s"), .character("h"), .character("o"), .enter], &state)
        #expect(state.serverFilter == 1)
        #expect(state.visible[Pane.domains.rawValue].map { state.data.rows[Pane.domains.rawValue][$0].text } == ["shop.example.com"])
    }

    @Test func atNameInTheFilterChoosesAServer() throws {
        var state = try Self.state()
        func type(_ text: String) { ConsoleTestData.press([.character("/")] + text.map { Key.character($0) } + [.enter], &state) }
        type("@old shop")
        #expect(state.serverFilter == 1)
        #expect(state.filter == "shop")
        #expect(state.visible[Pane.domains.rawValue].map { state.data.rows[Pane.domains.rawValue][$0].text } == ["shop.example.com"])
        #expect(state.message?.text == "server 2/3: old (server1.hostco.example)")
        ConsoleTestData.press([.escape], &state)
        type("@ot")
        #expect(state.serverFilter == 2, "a unique beginning is enough")
        type("@o")
        #expect(state.serverFilter == 2 && state.message?.isError == true, "two servers begin with o: nothing changes")
        #expect(state.message?.text == "2 servers begin with o; type more of the name.")
        type("@nosuch")
        #expect(state.message?.text == "No server is named nosuch; s and S go through them in turn.")
        type("@")
        #expect(state.serverFilter == nil && state.filter.isEmpty)
        ConsoleTestData.press([.character("?")], &state)
        #expect(HelpText.lines(for: state).contains { $0.keys == "/@NAME Enter" })
    }

    @Test func crossServerFindingsComeFirstWithTheServerToFix() throws {
        var state = try Self.state()
        ConsoleTestData.press([.character("f")], &state)
        let screen = Self.text(state)
        let first = try #require(screen.split(separator: "\n").first { $0.contains("domain-on-two-servers") })
        #expect(first.contains(" old ") && first.contains("shop.example.com is local on new and old"), "\(screen)")
        guard case .fleet(let f) = state.data.listed(0) else { Issue.record("the first entry is not the fleet finding"); return }
        #expect(f.fixOn == "old")
        // Every server's own findings follow, each with its server.
        #expect((1..<state.data.listedCount).allSatisfy { if case .server(_, let s) = state.data.listed($0) { s != nil } else { false } })
        // With "other" chosen, only what concerns it: the cross-server finding is about new and old.
        ConsoleTestData.press([.character("s"), .character("s"), .character("s")], &state)
        #expect(state.serverFilter == 2)
        #expect(!state.visibleFindings.isEmpty)
        #expect(state.visibleFindings.allSatisfy { state.data.listed($0).involves("other") })
        #expect(!Self.text(state).contains("domain-on-two-servers"))
        #expect(Self.text(state).contains("Findings (\(state.visibleFindings.count), server other)"))
    }

    @Test func theDetailNamesServersFixOnAndTheCommands() throws {
        var state = try Self.state(width: 120, height: 40)
        ConsoleTestData.press([.character("f"), .enter], &state)
        #expect(state.screen == .detail)
        let screen = Self.text(state)
        #expect(screen.contains("servers: new, old; fix on: old"), "\(screen)")
        #expect(screen.contains("helofix plan remove-domain shop.example.com"), "\(screen)")
        #expect(screen.contains("ansible old -i hosts.ini -m ansible.builtin.command -a 'helofix plan remove-domain shop.example.com'"), "\(screen)")
        #expect(screen.contains("Finding 1 of \(state.data.listedCount) (old)"), "\(screen)")
        // n moves on to the servers' own findings, each titled with its server.
        ConsoleTestData.press([.character("n")], &state)
        #expect(Self.text(state).contains("Finding 2 of "))
        #expect(state.detailFinding != nil)
    }

    @Test func editKeysOnlySayWhereToRunTheFix() throws {
        var state = try Self.state()
        ConsoleTestData.press([.character("f"), .enter], &state)
        for key in ["e", "w", "H"] {
            let effects = ConsoleTestData.press([.character(Character(key))], &state)
            #expect(effects.isEmpty && state.fix == nil && state.history == nil)
            #expect(state.message?.text == "fleet view is read-only: run this on old: helofix plan remove-domain shop.example.com", "\(key)")
        }
        // On a row: its worst finding decides; a server's own finding is fixed with helofix on that server.
        var rows = try Self.state()
        ConsoleTestData.press([.character("s"), .character("s"), .character("s")], &rows)
        ConsoleTestData.press([.character("n"), .character("e")], &rows)
        #expect(rows.message?.text.hasPrefix("fleet view is read-only: run this on other: helofix") == true, "\(rows.message?.text ?? "")")
        #expect(rows.fix == nil)
    }

    @Test func marksStayOnTheServerTheFindingIsAbout() throws {
        let state = try Self.state()
        let data = state.data
        let fleet = try #require(data.fleet)
        let domains = data.rows[Pane.domains.rawValue]
        for (i, row) in domains.enumerated() where row.text == "shop.example.com" {
            let server = fleet.servers[data.server(of: RowAddress(.domains, i))!].name
            // The cross-server finding (index 0) marks the shop rows of new and old, nothing of other.
            #expect(row.findings.contains(0), "\(server)")
            for f in row.findings {
                #expect(data.listed(f).involves(server), "\(server): \(data.listed(f).title)")
            }
        }
        #expect(domains.enumerated().filter { data.server(of: RowAddress(.domains, $0.offset)) == 2 }.allSatisfy { !$0.element.findings.contains(0) })
    }

    @Test func helpListsTheServerKeysAndNoEditKeys() throws {
        var state = try Self.state()
        ConsoleTestData.press([.character("?")], &state)
        let lines = HelpText.lines(for: state)
        #expect(lines.contains { $0.keys == "s" && $0.summary.hasPrefix("Fleet: next server") })
        #expect(lines.contains { $0.keys == "S" })
        #expect(!lines.contains { $0.keys == "e" || $0.keys == "w" || $0.keys == "H" })
    }

    @Test func goldenMainScreen() throws {
        Golden.check(try ConsoleViewSnapshotTests.snapshot(ConsoleView.render(try Self.state()), profile: "default"), named: "fleet-main-100x30-default")
    }
}
