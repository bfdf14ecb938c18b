import ArgumentParser
import Console
import CursesTerminal
import Foundation
import MailServer

/// Opens the console on a server root: reads the server, opens the terminal, starts the log scan
/// and the file watcher, runs the loop, and restores the terminal on every way out.
struct ConsoleLauncher {
    var root: ServerRoot
    var mode: ConsoleMode
    var logPath: String?
    var theme: String?
    var environment: [String: String]
    var greeting: String?
    /// Open with the guided fix wizard up (`helofix wizard`).
    var startWizard = false

    func run() throws -> Int32 {
        guard isatty(0) == 1, isatty(1) == 1, environment["TERM"] != "dumb" else {
            throw fail("the console needs an interactive terminal (stdin and stdout a tty, TERM not dumb); use `helofix inspect` for a printed report.")
        }
        let reader = SnapshotReader(root: root)
        let snapshot: ServerSnapshot
        do {
            snapshot = try reader.read()
        } catch {
            throw fail(error.description)
        }
        let catalog = ThemeCatalog(configDirectory: ThemeCatalog.configDirectory(environment: environment))
        let (chosenTheme, themeWarnings): (Theme, [String])
        do {
            (chosenTheme, themeWarnings) = try catalog.load(theme)
        } catch {
            throw fail(error.description)
        }
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
                throw fail("recovery of an interrupted transaction failed: \(error.message)", code: 1)
            }
        }
        let (keymap, keyWarnings) = catalog.keymap()
        let warnings = themeWarnings + keyWarnings
        for warning in warnings { FileHandle.standardError.write(Data("helofix: warning: \(warning)\n".utf8)) }

        let screen: TerminalScreen
        do {
            screen = try TerminalScreen(environment: environment) { chosenTheme.resolved(for: $0) }
        } catch {
            throw fail(error.description)
        }
        defer { screen.close() }
        let inbox = RuntimeInbox()
        let analysis = ServerAnalysis(reader: reader, first: snapshot, inbox: inbox)
        let size = screen.size
        var state = ConsoleState(width: size.width, height: size.height, mode: mode, keymap: keymap,
                                 glyphs: screen.unicode ? .unicode : .ascii)
        _ = ConsoleReducer.reduce(&state, .serverRead(snapshot, findings: analysis.initialFindings()))
        if let first = warnings.first { state.message = (first, true) } else if let greeting { state.message = (greeting, false) }
        if let note = notes.first { state.message = (note, false) }
        let work = FixWork(root: root, editor: editor, snapshot: snapshot)
        state.eximAvailable = work.exim != nil
        if startWizard { _ = FixCommands.startWizard(&state) }

        let log = logSource(snapshot)
        if let log {
            state.logStatus = .scanning(done: 0, total: 0)
            log.start { inbox.post(.console(.log($0))) }
        } else {
            _ = ConsoleReducer.reduce(&state, .log(.unavailable("no mail log known for this platform (pass --log FILE)")))
        }
        let watcher = ServerWatcher(hostPaths: snapshot.files.map { root.hostPath($0.path) })
        watcher?.start { inbox.post(.filesChanged) }
        defer {
            log?.stop()
            watcher?.stop()
        }
        var loop = ConsoleLoop(state: state, screen: screen, inbox: inbox, analysis: analysis, work: work)
        let signal = loop.run()
        return signal == 0 ? 0 : 128 + signal
    }

    /// The log to follow: `--log FILE` as given, else the platform's main log under the root.
    private func logSource(_ snapshot: ServerSnapshot) -> MailLogTail? {
        if let logPath {
            let absolute = logPath.hasPrefix("/") ? logPath : FileManager.default.currentDirectoryPath + "/" + logPath
            return MailLogTail(hostPath: absolute, serverPath: absolute)
        }
        guard let serverPath = snapshot.platform.defaultMainLog else { return nil }
        return MailLogTail(hostPath: root.hostPath(serverPath), serverPath: serverPath)
    }
}
