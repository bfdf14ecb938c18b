import Foundation
import Testing
import TestSupport

/// `helofix fleet DEST --console` in a real terminal (tmux) on the three fixture servers: the server
/// column, the server filter, the cross-server finding's detail with the commands to run, and the
/// edit keys that only say where to run them. The collected trees are never written.
@Suite struct FleetConsoleEndToEndTests {
    static func open(_ dest: TemporaryRoot, arguments: String = "") throws -> TmuxSession {
        let run = "env -u NO_COLOR TERM=tmux-256color LANG=C.UTF-8 HOME=\(shellQuoted(dest.path)) "
            + "\(shellQuoted(ConsoleEndToEndTests.binary)) fleet \(shellQuoted(dest.path)) --no-dns --console \(arguments)"
        return try TmuxSession(width: 100, height: 30, command: ConsoleEndToEndTests.exitReporting(run))
    }

    /// The fleet has arrived: the domains of every server are listed.
    static func isLoaded(_ screen: String) -> Bool {
        screen.contains("fleet: all servers") && screen.contains("shop.example.com") && !screen.contains("reading")
    }

    /// The row of `text` in the screen has `server` in its server column.
    static func row(_ screen: String, server: String, _ text: String) -> Bool {
        let pattern = #"(^|[^A-Za-z0-9.-])"# + server + " +" + NSRegularExpression.escapedPattern(for: text)
        return screen.split(separator: "\n").contains { $0.range(of: pattern, options: .regularExpression) != nil }
    }

    @Test func serverColumnFilterDetailAndReadOnlyKeys() throws {
        let dest = try FleetCommandTests.dest()
        defer { dest.remove() }
        let before = TreeState.capture(dest.path)
        let tmux = try Self.open(dest)
        let loaded = tmux.waitFor(timeout: 20) { Self.isLoaded($0) }
        #expect(loaded.ok, "\(loaded.screen)")
        // Both copies of the migrated domain, each with its server.
        #expect(Self.row(loaded.screen, server: "old", "shop.example.com"), "\(loaded.screen)")
        #expect(Self.row(loaded.screen, server: "new", "shop.example.com"), "\(loaded.screen)")
        #expect(loaded.screen.contains("READ-ONLY"), "\(loaded.screen)")

        // s: one server at a time (servers in name order: new, old, other), then all again.
        tmux.send("s")
        // The header and the rows are checked in one capture: a capture may catch a frame half drawn.
        let new = tmux.waitFor { $0.contains("fleet: server new") && !Self.row($0, server: "old", "shop.example.com") }
        #expect(new.ok, "\(new.screen)")
        #expect(Self.row(new.screen, server: "new", "shop.example.com") && !Self.row(new.screen, server: "old", "shop.example.com"), "\(new.screen)")
        tmux.send("s")
        let old = tmux.waitFor { $0.contains("fleet: server old") && !Self.row($0, server: "new", "shop.example.com") }
        #expect(old.ok && !Self.row(old.screen, server: "new", "shop.example.com"), "\(old.screen)")
        tmux.send("S")
        tmux.send("S")
        let all = tmux.waitFor { $0.contains("fleet: all servers") }
        #expect(all.ok, "\(all.screen)")

        // The cross-server finding comes first in the list, with the server to fix in the column.
        tmux.send("f")
        let list = tmux.waitFor { $0.contains("domain-on-two-servers") }
        #expect(list.ok, "\(list.screen)")
        let first = list.screen.split(separator: "\n").first { $0.contains("domain-on-two-servers") }.map(String.init) ?? ""
        #expect(first.contains("old") && first.contains("shop.example.com is local on new and old"), "\(list.screen)")
        tmux.send("Enter")
        let detail = tmux.waitFor { $0.contains("servers: new, old; fix on: old") }
        #expect(detail.ok, "\(detail.screen)")
        #expect(detail.screen.contains("helofix plan remove-domain shop.example.com"), "\(detail.screen)")
        #expect(detail.screen.contains("ansible old -m ansible.builtin.command -a 'helofix plan remove-domain"), "\(detail.screen)")

        // The fix key only names the server and the command.
        tmux.send("e")
        let refused = tmux.waitFor { $0.contains("fleet view is read-only: run this on old: helofix plan remove-domain shop.example.com") }
        #expect(refused.ok, "\(refused.screen)")
        tmux.send("H")
        let history = tmux.waitFor { $0.contains("fleet view is read-only") && !$0.contains("History") }
        #expect(history.ok, "\(history.screen)")

        tmux.send("q")
        #expect(ConsoleEndToEndTests.exitStatus(tmux) == 0, "\(tmux.capture())")
        #expect(TreeState.capture(dest.path) == before, "the fleet console changed a collected tree")
    }

    @Test func anUnreadableTreeIsNamedAndTheOthersShown() throws {
        let dest = try FleetCommandTests.dest()
        defer { dest.remove() }
        try FileManager.default.createDirectory(atPath: dest.host("/broken/etc"), withIntermediateDirectories: true)
        let tmux = try Self.open(dest)
        let loaded = tmux.waitFor(timeout: 20) { Self.isLoaded($0) }
        #expect(loaded.ok, "\(loaded.screen)")
        // broken sorts first: one s shows it, and says why it has no rows.
        tmux.send("s")
        let broken = tmux.waitFor { $0.contains("fleet: server broken") && $0.contains("not read:") }
        #expect(broken.ok, "\(broken.screen)")
        tmux.send("q")
        #expect(ConsoleEndToEndTests.exitStatus(tmux) == 0, "\(tmux.capture())")
    }
}
