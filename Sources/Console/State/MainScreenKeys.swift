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
        case .help, .redraw, .quit, .fix, .wizard, .history, .nextServer, .previousServer: break
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
        // In a fleet with one server chosen, only its findings (and the cross-server ones it is in).
        let findings = state.visibleFindings
        guard !findings.isEmpty else {
            state.message = state.findingsPending ? (ConsoleState.findingsPendingText, false) : ("No findings: nothing here conflicts.", false)
            return
        }
        let current = state.lastJumpedFinding.flatMap { findings.firstIndex(of: $0) }
        let at = current.map { ($0 + step + findings.count) % findings.count } ?? (step > 0 ? 0 : findings.count - 1)
        let index = findings[at]
        state.lastJumpedFinding = index
        state.findingsPosition.select(at, count: findings.count, page: state.listRows)
        let f = state.data.listed(index)
        let server = state.data.fleet == nil ? "" : " [\(f.serverText)]"
        state.message = ("\(Glyphs.mark(SeverityMark(f.severity))) \(at + 1)/\(findings.count)\(server) \(f.title)", false)
        guard let target = state.data.rowsByFinding[index].first(where: { isVisible($0, state) }) ?? state.data.rowsByFinding[index].first else { return }
        if !isVisible(target, state) { state.setFilter("") }
        let shown = state.visible[target.pane.rawValue]
        let filtered = !state.filter.isEmpty || state.serverFilter != nil
        let row = filtered ? (shown.firstIndex(of: target.row) ?? 0) : target.row
        state.focus = target.pane
        state.positions[target.pane.rawValue].select(row, count: shown.count, page: state.paneRows)
    }

    private static func isVisible(_ address: RowAddress, _ state: ConsoleState) -> Bool {
        (state.filter.isEmpty && state.serverFilter == nil) || state.visible[address.pane.rawValue].contains(address.row)
    }
}
