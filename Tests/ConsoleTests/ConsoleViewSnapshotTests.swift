import Console
import Diagnosis
import Testing

/// Whole screens as text plus a style layer, pinned by golden files (HELOFIX_RECORD=1 rewrites them).
@Suite struct ConsoleViewSnapshotTests {
    typealias T = ConsoleTestData

    /// The grid as text, then the style layer: role letters (`default`), or the attributes the
    /// `default` theme gives each cell on a terminal without colour (`mono`: R reverse, B bold,
    /// U underline, X bold+reverse, . none).
    static func snapshot(_ grid: CellGrid, profile: String) throws -> String {
        let layer: String
        if profile == "mono" {
            let styles = try ThemeCatalog(configDirectory: nil).load("default").0.resolved(for: .mono)
            layer = grid.styleLayer { cell in
                let a = styles[cell.role]?.attributes ?? []
                if a.contains(.bold) && a.contains(.reverse) { return "X" }
                if a.contains(.reverse) { return "R" }
                if a.contains(.bold) { return "B" }
                if a.contains(.underline) { return "U" }
                return cell.character == " " ? " " : "."
            }
        } else {
            layer = grid.styleLayer()
        }
        let cursor = grid.cursor.map { "cursor \($0.x),\($0.y)" } ?? "no cursor"
        return grid.text + "---- style (\(profile)) ----\n" + layer + "---- \(cursor)\n"
    }

    static let sizes = [(80, 24), (120, 40)]

    @Test(arguments: [(80, 24), (120, 40)], ["default", "mono"])
    func mainScreen(_ size: (Int, Int), _ profile: String) throws {
        var state = try T.state(width: size.0, height: size.1)
        T.press([.character("n")], &state)  // selects shop.example.com: related rows light up
        Golden.check(try Self.snapshot(ConsoleView.render(state), profile: profile), named: "main-\(size.0)x\(size.1)-\(profile)")
    }

    @Test(arguments: ["default", "mono"])
    func findingDetail(_ profile: String) throws {
        var state = try T.state()
        T.press([.character("n"), .enter], &state)
        Golden.check(try Self.snapshot(ConsoleView.render(state), profile: profile), named: "detail-80x24-\(profile)")
    }

    @Test func findingsList() throws {
        var state = try T.state(width: 120, height: 40)
        T.press([.character("f"), .down], &state)
        Golden.check(try Self.snapshot(ConsoleView.render(state), profile: "default"), named: "findings-120x40-default")
    }

    @Test func helpAndFilter() throws {
        var help = try T.state()
        T.press([.character("?")], &help)
        Golden.check(try Self.snapshot(ConsoleView.render(help), profile: "default"), named: "help-80x24-default")
        var filter = try T.state()
        T.press([.character("/"), .character("a"), .character("l")], &filter)
        Golden.check(try Self.snapshot(ConsoleView.render(filter), profile: "default"), named: "filter-80x24-default")
    }

    @Test func asciiGlyphsAndReadOnly() throws {
        var state = try T.state(mode: .readOnly, glyphs: .ascii)
        T.press([.tab, .down], &state)
        let grid = ConsoleView.render(state)
        #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII })
        Golden.check(try Self.snapshot(grid, profile: "default"), named: "main-80x24-ascii-readonly")
    }

    @Test func tooSmall() throws {
        var state = try T.state()
        _ = ConsoleReducer.reduce(&state, .resize(width: 60, height: 20))
        let text = ConsoleView.render(state).text
        #expect(text.contains("helofix needs at least 80x24;"))
        #expect(text.contains("this terminal is 60x20."))
    }

    @Test func marksAreGlyphsNotOnlyColour() throws {
        let grid = ConsoleView.render(try T.state())
        let lines = grid.text.split(separator: "\n")
        #expect(lines.contains { $0.contains("!!") && $0.contains("shop.example.com") })
        #expect(lines.contains { $0.contains("! ") && $0.contains("198.51.100.7") })
        #expect(lines[0].contains("!! 1 critical") && lines[0].contains("! 1 warning"))
        #expect(lines[0].contains("[EDIT]"))
    }

    @Test func demoModeInHeader() throws {
        let grid = ConsoleView.render(try T.state(mode: .demo))
        #expect(grid.text.split(separator: "\n")[0].contains("[DEMO]"))
    }

    @Test func firstFrameBeforeTheServerIsRead() {
        var state = ConsoleState(width: 80, height: 24, mode: .edit)
        state.logStatus = .scanning(done: 0, total: 0)
        let text = ConsoleView.render(state).text
        #expect(text.split(separator: "\n")[0].contains("reading…"))
        #expect(text.contains("Hosted domains (0)") && text.contains("│reading…"))
        #expect(text.contains("scanning the mail log"))
    }
}
