import Console
import CursesTerminal
import Foundation

/// The event loop: keys and background news go through the reducer; effects are performed here.
/// Everything curses happens on this one thread.
struct ConsoleLoop {
    var state: ConsoleState
    let screen: TerminalScreen
    let inbox: RuntimeInbox
    let analysis: ServerAnalysis
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
                    if case .log(.rejections(let list, _)) = event { analysis.add(list) }
                    if perform(ConsoleReducer.reduce(&state, event)) { return .quit }
                    dirty = true
                }
            }
            if let due = rereadAt, Date() >= due {
                rereadAt = nil
                analysis.reread()
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
    private func perform(_ effects: [ConsoleEffect]) -> Bool {
        for effect in effects {
            switch effect {
            case .quit: return true
            case .redrawScreen: screen.invalidate()
            case .rereadServer: analysis.reread()
            case .applyRemedy:
                // Fixes arrive with the "fixes" issue; until then no runtime executes change effects.
                break
            }
        }
        return false
    }
}
