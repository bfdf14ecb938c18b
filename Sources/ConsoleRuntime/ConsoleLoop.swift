import Console
import CursesTerminal
import Foundation

/// The event loop: keys and background news go through the reducer; effects are performed here.
/// Everything curses happens on this one thread.
struct ConsoleLoop {
    var state: ConsoleState
    let screen: TerminalScreen
    let inbox: RuntimeInbox
    /// The server's analysis; `nil` for a fleet, whose data arrives once and is not re-read.
    let analysis: ServerAnalysis?
    /// Plans, applies (edit mode only) and reads history for the fix screens.
    var work: FixWork
    /// Open the wizard once the first read has arrived (`helofix wizard`).
    var wizardPending = false
    /// How long to wait after a file change before re-reading (writers often touch several files).
    static let settleDelay: TimeInterval = 0.15

    /// How the loop ended.
    enum Outcome: Equatable {
        case quit
        case signal(Int32)
        case failed(String)
    }

    /// Runs until `q`, a signal, or a server that cannot be read.
    mutating func run() -> Outcome {
        var dirty = true
        var rereadAt: Date?
        while true {
            for message in inbox.drain() {
                switch message {
                case .filesChanged:
                    rereadAt = rereadAt ?? Date().addingTimeInterval(Self.settleDelay)
                case .fatal(let message):
                    return .failed(message)
                case .console(let event):
                    if case .serverRead(let snapshot, _) = event { work.snapshot = snapshot }
                    if perform(ConsoleReducer.reduce(&state, event)) { return .quit }
                    if case .serverRead = event, wizardPending {
                        // `helofix wizard`: the wizard needs the findings, so it opens after the first read.
                        wizardPending = false
                        _ = FixCommands.startWizard(&state)
                    }
                    dirty = true
                }
            }
            if let due = rereadAt, Date() >= due {
                rereadAt = nil
                analysis?.reread()
            }
            if dirty {
                screen.draw(ConsoleView.render(state))
                dirty = false
            }
            guard let input = screen.read() else { continue }
            let event: ConsoleEvent
            switch input {
            case .signal(let number): return .signal(number)
            case .key(let key): event = .key(key)
            case .resize(let width, let height): event = .resize(width: width, height: height)
            }
            if perform(ConsoleReducer.reduce(&state, event)) { return .quit }
            dirty = true
        }
    }

    /// Performs effects; returns true to quit.
    private mutating func perform(_ effects: [ConsoleEffect]) -> Bool {
        for effect in effects {
            switch effect {
            case .quit: return true
            case .redrawScreen: screen.invalidate()
            case .rereadServer: analysis?.reread()
            case .applyRemedy:
                // Superseded by .fix(.apply): the plan is previewed and confirmed first.
                break
            case .fix(.apply(let target)):
                if performApply(target) { return true }
            case .fix(let effect):
                if let event = work.answer(effect), perform(ConsoleReducer.reduce(&state, event)) { return true }
            }
        }
        return false
    }

    /// Applies on this thread with the "applying" step on screen, then re-reads the server so the
    /// result can say whether the finding is gone.
    private mutating func performApply(_ target: FixTarget) -> Bool {
        screen.draw(ConsoleView.render(state))
        let event = work.apply(target, plan: state.fix?.readyPlan)
        if perform(ConsoleReducer.reduce(&state, event)) { return true }
        guard let (snapshot, findings) = analysis?.rereadNow() else { return false }
        work.snapshot = snapshot
        return perform(ConsoleReducer.reduce(&state, .serverRead(snapshot, findings: findings)))
    }
}
