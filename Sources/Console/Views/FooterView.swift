/// Bottom line: key hints generated from the keymap.
enum FooterView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let y = state.height - 1
        grid.fill(y: y, role: .normal)
        if state.screen != .help, let hints = FixView.footer(state) ?? HistoryView.footer(state) {
            grid.write(hints, x: 0, y: y, role: .keyHint, limit: grid.width)
            return
        }
        if state.editingFilter {
            grid.write(" Enter keep filter  Esc clear filter", x: 0, y: y, role: .keyHint)
            return
        }
        let k = state.keymap
        var x = 1
        if state.screen == .detail || state.screen == .help {
            // Long pages: the scroll keys come first, so they are never the hint that does not fit.
            x += grid.write(k.upDown, x: x, y: y, role: .keyHint)
            x += grid.write(" scroll  ", x: x, y: y, role: .dim)
        }
        // A read-only session is offered nothing that would change the server.
        let edits: [Action] = state.mode.allowsChanges ? [.fix, .wizard] : []
        let actions: [Action]
        switch state.screen {
        case .main: actions = [.quit, .help] + edits + [.history, .filter, .nextFinding, .open, .findings, .nextPane]
        case .findings: actions = [.quit, .help, .open] + (state.mode.allowsChanges ? [.fix] : []) + [.history, .back]
        case .detail: actions = [.quit, .help] + (state.mode.allowsChanges ? [.fix] : []) + [.nextFinding, .back, .findings]
        case .help: actions = [.quit, .back]
        }
        for hint in k.hints(actions) {
            let width = TextFit.width(hint.key) + TextFit.width(hint.word) + 3
            if x + width > grid.width { continue }
            x += grid.write(hint.key, x: x, y: y, role: .keyHint)
            x += grid.write(" " + hint.word + "  ", x: x, y: y, role: .dim)
        }
    }
}
