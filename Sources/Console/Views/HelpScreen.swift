/// Opening and leaving the help page, which lists the keys of the screen it was opened from.
enum HelpScreen {
    /// Opens help over the current screen (the fix and history screens stay open underneath).
    static func open(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.previousScreen = state.screen
        state.screen = .help
        state.helpScroll = 0
        return []
    }

    /// Keys while help is up: scroll, back (or help again) closes it, quit quits.
    static func handle(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let lines = HelpText.lines(for: state).count
        let last = max(0, lines - state.listRows)
        switch state.keymap.action(for: key) {
        case .quit: return [.quit]
        case .redraw: return [.redrawScreen]
        case .up: state.helpScroll = max(0, state.helpScroll - 1)
        case .down: state.helpScroll = min(last, state.helpScroll + 1)
        case .pageUp: state.helpScroll = max(0, state.helpScroll - state.listRows)
        case .pageDown: state.helpScroll = min(last, state.helpScroll + state.listRows)
        case .top: state.helpScroll = 0
        case .bottom: state.helpScroll = last
        case .back, .help: state.screen = state.previousScreen
        default: break
        }
        return []
    }
}
