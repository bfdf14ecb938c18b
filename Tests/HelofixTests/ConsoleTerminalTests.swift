import Foundation
import ServerFixtures
import Testing
import TestSupport

/// Terminals a server admin really has: plain ASCII ones, consoles without an alternate screen,
/// and a config directory with mistakes in it.
extension ConsoleEndToEndTests {
    static let boxCharacters = ["│", "─", "┌", "▶"]

    @Test func asciiFlagDrawsPlainLines() throws {
        let (tmux, _) = try Self.open(arguments: "--ascii")
        let screen = Self.waitForLoaded(tmux)
        #expect(screen.ok, "\(screen.screen)")
        #expect(screen.screen.contains("+-") && screen.screen.contains("|"), "\(screen.screen)")
        #expect(!Self.boxCharacters.contains { screen.screen.contains($0) }, "\(screen.screen)")
        tmux.send("q")
        #expect(Self.exitStatus(tmux) == 0)
    }

    @Test func aLocaleThatIsNotUTF8GetsPlainLines() throws {
        let (tmux, _) = try Self.open(env: "LC_ALL= LC_CTYPE= LANG=C")
        let screen = Self.waitForLoaded(tmux)
        #expect(screen.ok, "\(screen.screen)")
        #expect(screen.screen.contains("+-") && !Self.boxCharacters.contains { screen.screen.contains($0) }, "\(screen.screen)")
        tmux.send("q")
        #expect(Self.exitStatus(tmux) == 0)
    }

    /// The linux console and vt100 have no alternate screen: the console clears its last frame on
    /// the way out, so the shell does not come back under it.
    @Test(arguments: ["linux", "vt100"])
    func aTerminalWithoutAnAlternateScreenIsLeftClean(_ term: String) throws {
        let (tmux, _) = try Self.open(term: term)
        #expect(Self.waitForLoaded(tmux).ok)
        tmux.send("q")
        #expect(Self.exitStatus(tmux) == 0)
        let after = tmux.capture()
        #expect(!after.contains("Hosted domains") && !after.contains("Whitelisted senders"), "TERM=\(term) left the console on screen:\n\(after)")
    }

    @Test func keyFileWarningsShowOnTheMessageLineAtStart() throws {
        let root = try Fixtures.migratedCPanel.writeToTemporaryDirectory(prefix: "helofix-e2e-home")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/.config/helofix", withIntermediateDirectories: true)
        try Data("[keys]\nexplode = \"x\"\n".utf8).write(to: URL(fileURLWithPath: root + "/.config/helofix/keys.toml"))
        let run = "env -u NO_COLOR -u XDG_CONFIG_HOME TERM=tmux-256color LANG=C.UTF-8 HOME=\(shellQuoted(root)) \(shellQuoted(Self.binary)) --root \(shellQuoted(root))"
        let tmux = try TmuxSession(width: 80, height: 24, command: Self.exitReporting(run))
        // The warning must still be there once the server has been read (the read used to clear it).
        let screen = tmux.waitFor(timeout: 10) { Self.isLoaded($0) && $0.contains("warning:") }
        #expect(screen.ok, "\(screen.screen)")
        let lines = screen.screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 22 && lines[22].hasPrefix("warning: keys.toml: unknown action \"explode\""), "\(screen.screen)")
        tmux.send("q")
        #expect(Self.exitStatus(tmux) == 0)
    }
}
