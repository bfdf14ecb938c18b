/// Applies log news to the state: progress, live strip, status.
enum LogEvents {
    static func apply(_ event: LogEvent, to state: inout ConsoleState) {
        switch event {
        case .progress(let done, let total):
            state.logStatus = .scanning(done: done, total: total)
        case .rejections(let list, let live):
            if live {
                state.liveRejections.append(contentsOf: list)
                state.liveRejections.removeFirst(max(0, state.liveRejections.count - ConsoleState.liveLimit))
            }
            if case .following(let n) = state.logStatus { state.logStatus = .following(rejections: n + list.count) }
        case .caughtUp(let total):
            state.logStatus = .following(rejections: total)
        case .rotated:
            state.message = ("The mail log was rotated; following the new file.", false)
        case .unavailable(let why):
            state.logStatus = .noLog(why)
        }
    }
}
