/// What actions do on the main screen (three panes).
enum MainScreenKeys {
    static func handle(_ action: Action, _ state: inout ConsoleState) {
        let pane = state.focus.rawValue
        let count = state.visible[pane].count
        let page = state.paneRows
        switch action {
        case .up: state.positions[pane].move(by: -1, count: count, page: page)
        case .down: state.positions[pane].move(by: 1, count: count, page: page)
        case .pageUp: state.positions[pane].move(by: -page, count: count, page: page)
        case .pageDown: state.positions[pane].move(by: page, count: count, page: page)
        case .top: state.positions[pane].select(0, count: count, page: page)
        case .bottom: state.positions[pane].select(count - 1, count: count, page: page)
        case .left, .previousPane: state.focus = state.focus.previous
        case .right, .nextPane: state.focus = state.focus.next
        case .filter:
            state.editingFilter = true
            state.message = nil
        case .nextFinding: jump(by: 1, &state)
        case .previousFinding: jump(by: -1, &state)
        case .findings:
            state.screen = .findings
        case .open: openSelected(&state)
        case .back:
            if !state.filter.isEmpty { state.setFilter("") }
            state.message = nil
        case .help, .redraw, .quit, .fix, .wizard, .history: break
        }
    }

    /// Opens the worst finding about the selected row.
    private static func openSelected(_ state: inout ConsoleState) {
        guard let address = state.selectedRow(in: state.focus) else { return }
        let row = state.data.rows[address.pane.rawValue][address.row]
        guard let first = row.findings.min() else {
            state.message = state.findingsPending ? (ConsoleState.findingsPendingText, false)
                : ("No finding concerns \(row.text). Press f for the list of findings.", false)
            return
        }
        FindingScreenKeys.openDetail(first, from: .main, &state)
    }

    /// Selects the first row of the next (or previous) finding, switching panes as needed.
    static func jump(by step: Int, _ state: inout ConsoleState) {
        let findings = state.data.findings
        guard !findings.isEmpty else {
            state.message = state.findingsPending ? (ConsoleState.findingsPendingText, false) : ("No findings: nothing here conflicts.", false)
            return
        }
        let current = state.lastJumpedFinding
        let index = current.map { ($0 + step + findings.count) % findings.count } ?? (step > 0 ? 0 : findings.count - 1)
        state.lastJumpedFinding = index
        state.findingsPosition.select(index, count: findings.count, page: state.listRows)
        let f = findings[index]
        state.message = ("\(Glyphs.mark(SeverityMark(f.severity))) \(index + 1)/\(findings.count) \(f.title)", false)
        guard let target = state.data.rowsByFinding[index].first(where: { isVisible($0, state) }) ?? state.data.rowsByFinding[index].first else { return }
        if !isVisible(target, state) { state.setFilter("") }
        let shown = state.visible[target.pane.rawValue]
        let at = state.filter.isEmpty ? target.row : (shown.firstIndex(of: target.row) ?? 0)
        state.focus = target.pane
        state.positions[target.pane.rawValue].select(at, count: shown.count, page: state.paneRows)
    }

    private static func isVisible(_ address: RowAddress, _ state: ConsoleState) -> Bool {
        state.filter.isEmpty || state.visible[address.pane.rawValue].contains(address.row)
    }
}
