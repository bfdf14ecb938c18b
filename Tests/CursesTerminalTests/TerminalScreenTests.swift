import CNCursesW
import Console
@testable import CursesTerminal
import Foundation
import Testing

/// The curses backend headless: newterm on /dev/null, draw a grid, read it back with mvwin_wch.
/// Serialized: curses has one global current screen.
@Suite(.serialized) struct TerminalScreenTests {
    static func open(term: String, noColor: String? = nil, fallbacks: [String] = ["xterm-256color", "xterm", "vt100"],
                     theme: String = "default") throws -> TerminalScreen {
        let fd = Glibc.open("/dev/null", O_RDWR)
        defer { Glibc.close(fd) }
        var environment = ["TERM": term]
        environment["NO_COLOR"] = noColor
        let (chosen, _) = try ThemeCatalog(configDirectory: nil).load(theme)
        return try TerminalScreen(environment: environment, inputFD: fd, outputFD: fd, terminalNames: fallbacks) {
            chosen.resolved(for: $0)
        }
    }

    static func row(_ screen: TerminalScreen, _ y: Int, width: Int) -> String {
        String((0..<width).map { screen.readBack(x: $0, y: y).character })
    }

    @Test func drawsTheGridAndReadsItBack() throws {
        let screen = try Self.open(term: "xterm-256color")
        defer { screen.close() }
        #expect(screen.profile == .ansi256)
        var grid = CellGrid(width: screen.size.width, height: screen.size.height)
        grid.write("!! shop.example.com", x: 2, y: 3, role: .conflictCritical)
        grid.write("┌─ Hosted domains", x: 0, y: 0, role: .border)
        grid.cursor = (2, 3)
        screen.draw(grid)
        #expect(Self.row(screen, 3, width: 22) == "  !! shop.example.com ")
        #expect(Self.row(screen, 0, width: 16) == "┌─ Hosted domain")
        let critical = screen.readBack(x: 2, y: 3)
        #expect(critical.pair == screen.style(of: .conflictCritical).pair && critical.pair != 0)
        #expect(critical.attributes & cn_a_bold() != 0)
        // A second frame changes only what differs, and leaves no leftovers.
        var next = CellGrid(width: grid.width, height: grid.height)
        next.write("bob", x: 2, y: 3, role: .normal)
        screen.draw(next)
        #expect(Self.row(screen, 3, width: 22) == "  bob" + String(repeating: " ", count: 17))
        #expect(Self.row(screen, 0, width: 4) == "    ")
    }

    @Test func unknownTermFallsBackInsteadOfExiting() throws {
        let screen = try Self.open(term: "xterm-kitty-not-installed-here")
        defer { screen.close() }
        #expect(screen.terminalName == "xterm-256color")
        let vt = try Self.open(term: "nonsense", fallbacks: ["vt100"])
        defer { vt.close() }
        #expect(vt.terminalName == "vt100")
        #expect(vt.profile == .mono)  // vt100 has no colours: mono, selection still reverse
        #expect(vt.style(of: .selection).attributes & cn_a_reverse() != 0)
    }

    @Test func noUsableTerminalIsAClearError() {
        #expect(throws: TerminalError.noUsableTerminal(tried: ["nonsense", "also-nonsense"])) {
            _ = try Self.open(term: "nonsense", fallbacks: ["also-nonsense"])
        }
        #expect(TerminalError.noUsableTerminal(tried: ["x"]).description.contains("set TERM"))
    }

    @Test func noColorGivesMonochromeWithAttributes() throws {
        let screen = try Self.open(term: "xterm-256color", noColor: "1")
        defer { screen.close() }
        #expect(screen.profile == .mono)
        var grid = CellGrid(width: 20, height: 2)
        grid.write("!!", x: 0, y: 0, role: .conflictCritical)
        screen.draw(grid)
        let cell = screen.readBack(x: 0, y: 0)
        #expect(cell.pair == 0)
        #expect(cell.attributes & cn_a_reverse() != 0)
        // An empty NO_COLOR does not count.
        let coloured = try Self.open(term: "xterm-256color", noColor: "")
        defer { coloured.close() }
        #expect(coloured.profile == .ansi256)
    }

    @Test func sixteenColourTerminalUsesTheFallbacks() throws {
        let screen = try Self.open(term: "xterm", theme: "dark-256")
        defer { screen.close() }
        #expect(screen.profile == .ansi8 || screen.profile == .ansi16)
    }

    @Test func wideCharactersTakeTwoCells() throws {
        let screen = try Self.open(term: "xterm-256color")
        defer { screen.close() }
        guard screen.unicode else { return }  // a C-only machine draws "?" instead; covered by ascii tests
        var grid = CellGrid(width: 10, height: 1)
        grid.write("漢字ok", x: 0, y: 0, role: .normal)
        screen.draw(grid)
        #expect(screen.readBack(x: 0, y: 0).character == "漢")
        #expect(screen.readBack(x: 2, y: 0).character == "字")
        #expect(screen.readBack(x: 4, y: 0).character == "o")
    }
}
