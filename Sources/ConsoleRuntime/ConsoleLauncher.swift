import Analysis
import Console
import CursesTerminal
import DomainDNS
import Foundation
import MailServer
import Remedy

/// Opens the console on a server root: decides the mode (an editor exists only when changes are
/// allowed), opens the terminal, starts the server read, the log scan and the file watcher in the
/// background, runs the loop, and restores the terminal on every way out.
public struct ConsoleLauncher: Sendable {
    /// The server root.
    public var root: ServerRoot
    /// Edit, read-only or demo (an editor exists only when changes are allowed).
    public var mode: ConsoleMode
    /// The main log to scan and follow; the platform's when nil.
    public var logPath: String?
    /// A built-in theme name or a theme file; `default` when nil.
    public var theme: String?
    /// The process environment (terminal, colours, config directory, the admin's identity).
    public var environment: [String: String]
    /// A first message for the status line.
    public var greeting: String?
    /// Open with the guided fix wizard up (`helofix wizard`), as soon as the server is read.
    public var startWizard = false
    /// `--ascii`: plain line drawing even on a UTF-8 terminal.
    public var ascii = false
    /// Whether and how to ask DNS where the domains' mail goes (in the background, after the first frame).
    public var dns: DNSOptions = .off
    /// The terminal's input and output descriptors (the benchmark runs the console on a pty of its own).
    public var terminal: (input: Int32, output: Int32) = (0, 1)
    /// Told about every frame drawn, from the console's thread: the benchmark's timings. `nil` (the
    /// command line never sets it) costs nothing.
    public var frames: (@Sendable (ConsoleFrame) -> Void)?

    /// Creates a launcher.
    public init(root: ServerRoot, mode: ConsoleMode, logPath: String?, theme: String?, environment: [String: String], greeting: String?) {
        self.root = root
        self.mode = mode
        self.logPath = logPath
        self.theme = theme
        self.environment = environment
        self.greeting = greeting
    }

    /// Runs the console; returns its exit status (128 + N after signal N). Throws a
    /// ``ConsoleLaunchError`` when it cannot open or fails.
    public func run() throws(ConsoleLaunchError) -> Int32 {
        guard isatty(terminal.input) == 1, isatty(terminal.output) == 1, environment["TERM"] != "dumb" else {
            throw ConsoleLaunchError("the console needs an interactive terminal (stdin and stdout a tty, TERM not dumb); use `helofix inspect` for a printed report.")
        }
        let look = try ConsoleLook.load(theme, environment: environment)
        // Read-only by construction: the editor (the only writer) exists only when changes are allowed.
        var mode = self.mode
        var notes: [String] = []
        if mode != .readOnly, let problem = WriteAccess.problem(root: root) {
            mode = .readOnly
            notes.append(problem)
        }
        var editor: ConsoleEditor?
        if mode != .readOnly {
            do {
                let (opened, recovered) = try ConsoleEditor.open(root: root, environment: environment)
                editor = opened
                notes += recovered.map { "helofix: \($0)" }
            } catch {
                throw ConsoleLaunchError("recovery of an interrupted transaction failed: \(error.message)", status: 1)
            }
        }
        let firstMessage = notes.first.map { ($0, false) } ?? StartWarnings.line(look.warnings).map { ($0, false) } ?? greeting.map { ($0, false) }

        let outcome: ConsoleLoop.Outcome
        do {
            outcome = try runScreen(theme: look.theme, keymap: look.keymap, mode: mode, editor: editor, firstMessage: firstMessage)
        } catch {
            throw ConsoleLaunchError(error.description)
        }
        return try outcome.exitStatus()
    }

    /// Opens the terminal, draws the first frame at once (the server is read in the background),
    /// runs the loop, and restores the terminal however the loop ends.
    private func runScreen(theme: Theme, keymap: Keymap, mode: ConsoleMode, editor: ConsoleEditor?,
                           firstMessage: (String, Bool)?) throws(TerminalError) -> ConsoleLoop.Outcome {
        // Background answers wait for the next time the loop looks (the key read times out):
        // 20 ms keeps that wait short for the eye and costs nothing while idle.
        let screen = try TerminalScreen(environment: environment, inputFD: terminal.input, outputFD: terminal.output,
                                        inputTimeout: 20) { theme.resolved(for: $0) }
        defer { screen.close() }
        let inbox = RuntimeInbox()
        let work = FixWork(root: root, editor: editor)
        // When this host has Exim and the server's configuration is readable, every analysis asks
        // Exim about the refused senders in the background (fixed since = no longer critical).
        let exim = work.exim.map { EximEnrichment.replaying(EximConfirmation(exim: $0.binary, config: $0.config, localIP: nil, runner: ProcessCommandRunner())) }
        let enrichments: [any AnalysisEnrichment] = (exim.map { [$0] } ?? []) + [DNSEvidence(options: dns)]
        let analysis = ServerAnalysis(pipeline: AnalysisPipeline(root: root, logs: logSelection(), enrichments: enrichments), inbox: inbox)
        let size = screen.size
        var state = ConsoleState(width: size.width, height: size.height, mode: mode, keymap: keymap,
                                 glyphs: screen.unicode && !ascii ? .unicode : .ascii)
        state.message = firstMessage
        state.eximAvailable = work.exim != nil
        analysis.start()
        defer { analysis.stop() }
        let worker = FixWorker(work: work, inbox: inbox, analysis: analysis)
        var loop = ConsoleLoop(state: state, screen: screen, inbox: inbox, analysis: analysis, worker: worker,
                               wizardPending: startWizard, frames: frames)
        return loop.run()
    }

    /// The logs to read and follow: `--log FILE` as given, else the platform's main log and its
    /// rotations under the root.
    private func logSelection() -> LogSelection {
        guard let logPath else { return .platformDefaults }
        let absolute = logPath.hasPrefix("/") ? logPath : FileManager.default.currentDirectoryPath + "/" + logPath
        return .files([LogFile(argument: absolute)])
    }
}
