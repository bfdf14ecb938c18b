import Remedy

/// Keys on the history screen: moving, opening, going back, help and quit through the keymap
/// (keys.toml rebinds them here too); `r` (roll back) is the screen's own letter.
enum HistoryKeys {
    static func handle(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var history = state.history else { return [] }
        let page = max(1, state.listRows - 2)
        if key == .character("r") { return rollback(&state) }
        let action = state.keymap.action(for: key)
        switch action {
        case .help: return HelpScreen.open(&state)
        case .quit: return [.quit]
        case .redraw: return [.redrawScreen]
        default: break
        }
        if let diff = history.diff {
            let last = max(0, diff.lines.count - max(1, state.height - 4))
            switch action {
            case .up: history.scroll = max(0, min(history.scroll, last) - 1)
            case .down: history.scroll = min(last, history.scroll + 1)
            case .pageUp: history.scroll = max(0, min(history.scroll, last) - page)
            case .pageDown: history.scroll = min(last, history.scroll + page)
            case .top: history.scroll = 0
            case .bottom: history.scroll = last
            case .back, .open: history.diff = nil
            default: break
            }
            state.history = history
            return []
        }
        let count = history.records.count
        switch action {
        case .up: history.position.move(by: -1, count: count, page: page)
        case .down: history.position.move(by: 1, count: count, page: page)
        case .pageUp: history.position.move(by: -page, count: count, page: page)
        case .pageDown: history.position.move(by: page, count: count, page: page)
        case .top: history.position.select(0, count: count, page: page)
        case .bottom: history.position.select(count - 1, count: count, page: page)
        case .open:
            guard let record = history.selected else { return [] }
            state.history = history
            return [.fix(.loadDiff(id: record.id))]
        case .back, .history:
            state.history = nil
            state.message = nil
            return []
        default: break
        }
        state.history = history
        return []
    }

    /// Opens the rollback of the selected transaction: its plan, then a confirmation.
    private static func rollback(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let record = state.history?.selected else { return [] }
        guard state.mode.allowsChanges else {
            state.message = (FixText.readOnly, false)
            return []
        }
        guard record.state == .committed else {
            state.message = ("Transaction \(record.id) is \(record.state.rawValue); only a committed transaction can be rolled back.", true)
            return []
        }
        var flow = FixFlow(step: .preview, finding: nil, subject: "\(record.id): \(record.title)",
                           options: [FixOption(kind: .rollback(id: record.id), title: "Roll back \(record.id)", tradeOff: "")])
        flow.kind = .rollback(id: record.id)
        flow.plan = .planning(.rollback(record.id))
        state.fix = flow
        state.message = nil
        return [.fix(.plan(.rollback(record.id)))]
    }
}
