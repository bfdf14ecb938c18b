import Console
import CursesTerminal
import Dispatch
import Foundation
import MailServer

/// Opens the console over a fleet (`helofix fleet DEST --console`): the first frame at once, the
/// fleet read in the background by `load`, then every server's rows with a server column, the
/// cross-server findings first, and a server filter. Read-only by construction: no editor exists,
/// and the edit keys say on which server to run which plan.
public struct FleetConsoleLauncher {
    /// The directory the playbook filled.
    public var dest: String
    /// A built-in theme name or a theme file; `default` when nil.
    public var theme: String?
    /// The process environment (terminal, colours, config directory).
    public var environment: [String: String]
    /// `--ascii`: plain line drawing even on a UTF-8 terminal.
    public var ascii = false
    /// Reads the fleet and prepares what the console shows (runs off the curses thread).
    public var load: @Sendable () -> ConsoleData

    /// Creates a launcher.
    public init(dest: String, theme: String?, environment: [String: String], load: @escaping @Sendable () -> ConsoleData) {
        self.dest = dest
        self.theme = theme
        self.environment = environment
        self.load = load
    }

    /// Runs the console; returns its exit status (128 + N after signal N).
    public func run() throws(ConsoleLaunchError) -> Int32 {
        guard isatty(0) == 1, isatty(1) == 1, environment["TERM"] != "dumb" else {
            throw ConsoleLaunchError("the fleet console needs an interactive terminal (stdin and stdout a tty, TERM not dumb); use `helofix fleet DEST` for a printed report.")
        }
        let look = try ConsoleLook.load(theme, environment: environment)
        let outcome: ConsoleLoop.Outcome
        do {
            outcome = try runScreen(theme: look.theme, keymap: look.keymap, firstMessage: StartWarnings.line(look.warnings))
        } catch {
            throw ConsoleLaunchError(error.description)
        }
        return try outcome.exitStatus()
    }

    private func runScreen(theme: Theme, keymap: Keymap, firstMessage: String?) throws(TerminalError) -> ConsoleLoop.Outcome {
        let screen = try TerminalScreen(environment: environment) { theme.resolved(for: $0) }
        defer { screen.close() }
        let inbox = RuntimeInbox()
        let size = screen.size
        var state = ConsoleState(width: size.width, height: size.height, mode: .readOnly, keymap: keymap,
                                 glyphs: screen.unicode && !ascii ? .unicode : .ascii)
        // The logs are the lines the playbook collected: read once, nothing to follow.
        state.logStatus = .noLog("fleet: the collected log lines, read once (collect again for news)")
        state.message = (firstMessage ?? "fleet view: read-only; \(keymap.keyNames(.nextServer)) shows one server at a time", false)
        let load = self.load
        DispatchQueue.global().async { inbox.post(.console(.dataReady(load()))) }
        let worker = FixWorker(work: FixWork(root: ServerRoot(dest), editor: nil), inbox: inbox, analysis: nil)
        var loop = ConsoleLoop(state: state, screen: screen, inbox: inbox, analysis: nil, worker: worker)
        return loop.run()
    }
}
