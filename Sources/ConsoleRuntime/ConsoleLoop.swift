import Console
import CursesTerminal
import Foundation
import MailServer

/// The event loop: keys and background news go through the reducer; effects are handed to the
/// workers, never performed here, so a key is drawn at once even while the server is being read
/// or a change applied. Everything curses happens on this one thread.
struct ConsoleLoop {
    var state: ConsoleState
    let screen: TerminalScreen
    let inbox: RuntimeInbox
    /// The server's analysis; `nil` for a fleet, whose data arrives once and is not re-read.
    let analysis: ServerAnalysis?
    /// Plans, applies (edit mode only), asks Exim and reads history for the fix screens.
    let worker: FixWorker
    /// The newest snapshot read, for planning; `nil` until the first read.
    var snapshot: ServerSnapshot?
    /// Open the wizard once the first read has arrived (`helofix wizard`).
    var wizardPending = false
    /// Told about every frame drawn (the benchmark's timings); `nil` normally.
    var frames: (@Sendable (ConsoleFrame) -> Void)?
    /// How long the files must stay unchanged before they are re-read (writers often touch several
    /// files in a row, each a rename).
    static let settleDelay: TimeInterval = 0.15
    /// The longest a re-read waits for the files to settle (a file rewritten every few
    /// milliseconds must not put the re-read off for ever).
    static let settleLimit: TimeInterval = 1

    /// How the loop ended.
    enum Outcome: Equatable {
        case quit
        case signal(Int32)
        case failed(String)
    }

    /// Runs until `q`, a signal, or a server that cannot be read. However it ends, a transaction
    /// already handed to the worker is finished first: the caller restores the terminal after the
    /// commit, never in the middle of one.
    mutating func run() -> Outcome {
        let outcome = loop()
        worker.waitForApply()
        return outcome
    }

    private mutating func loop() -> Outcome {
        var dirty = true
        var rereadAt: Date?
        var firstChange: Date?
        while true {
            var news = false
            let taken = ConsoleFrame.now()
            for message in Self.withoutSupersededReads(inbox.drain()) {
                switch message {
                case .filesChanged:
                    let now = Date()
                    firstChange = firstChange ?? now
                    rereadAt = min(now.addingTimeInterval(Self.settleDelay), firstChange!.addingTimeInterval(Self.settleLimit))
                case .fatal(let message):
                    return .failed(message)
                case .console(let event):
                    if case .serverRead(let read, _) = event { snapshot = read }
                    if case .serverFilesRead(let read) = event { snapshot = read }
                    if perform(ConsoleReducer.reduce(&state, event)) { return .quit }
                    if case .serverRead = event, wizardPending {
                        // `helofix wizard`: the wizard needs the findings, so it opens after the first read.
                        wizardPending = false
                        _ = FixCommands.startWizard(&state)
                    }
                    dirty = true
                    news = true
                }
            }
            if let due = rereadAt, Date() >= due {
                rereadAt = nil
                firstChange = nil
                analysis?.reread()
            }
            if dirty {
                draw()
                if news { report(.news, started: taken) }
                dirty = false
            }
            guard let input = screen.read() else { continue }
            let started = ConsoleFrame.now()
            let event: ConsoleEvent
            switch input {
            case .signal(let number): return .signal(number)
            case .key(let key): event = .key(key)
            case .resize(let width, let height): event = .resize(width: width, height: height)
            }
            if perform(ConsoleReducer.reduce(&state, event)) { return .quit }
            // Drawn before the inbox is read again: news (a re-read's findings) can wait a frame, a key cannot.
            draw()
            report(.key, started: started)
        }
    }

    private func draw() {
        screen.draw(ConsoleView.render(state))
    }

    private func report(_ cause: ConsoleFrame.Cause, started: UInt64) {
        guard let frames else { return }
        frames(ConsoleFrame(cause: cause, started: started, drawn: ConsoleFrame.now(), loaded: state.loaded,
                            reading: analysis?.isWorking ?? false, applying: worker.isApplying))
    }

    /// Hands effects to the workers; returns true to quit.
    private mutating func perform(_ effects: [ConsoleEffect]) -> Bool {
        for effect in effects {
            switch effect {
            case .quit: return true
            case .redrawScreen: screen.invalidate()
            case .rereadServer: analysis?.reread()
            case .applyRemedy:
                // Superseded by .fix(.apply): the plan is previewed and confirmed first.
                break
            case .fix(let effect):
                worker.submit(effect, snapshot: snapshot, plan: state.fix?.readyPlan)
            }
        }
        return false
    }

    /// The messages without the findings of a read that a later read in the same batch replaces
    /// (preparing 100,000 rows twice would only delay the next frame). A read is kept when a fix
    /// event comes between the two, since that event speaks about the data as of its read.
    static func withoutSupersededReads(_ messages: [RuntimeMessage]) -> [RuntimeMessage] {
        var kept: [RuntimeMessage] = []
        kept.reserveCapacity(messages.count)
        var laterRead = false
        for message in messages.reversed() {
            if case .console(let event) = message {
                switch event {
                case .serverRead:
                    if laterRead { continue }
                    laterRead = true
                case .serverFilesRead:
                    if laterRead { continue }
                case .fix:
                    laterRead = false
                default:
                    break
                }
            }
            kept.append(message)
        }
        return kept.reversed()
    }
}
