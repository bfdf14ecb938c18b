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
            state.message = ("No finding concerns \(row.text). Press f for the list of findings.", false)
            return
        }
        FindingScreenKeys.openDetail(first, from: .main, &state)
    }

    /// Selects the first row of the next (or previous) finding, switching panes as needed.
    static func jump(by step: Int, _ state: inout ConsoleState) {
        // In a fleet with one server chosen, only its findings (and the cross-server ones it is in).
        let findings = state.visibleFindings
        guard !findings.isEmpty else {
            state.message = ("No findings: nothing here conflicts.", false)
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

/// What actions do on the findings list and the detail screen.
enum FindingScreenKeys {
    static func list(_ action: Action, _ state: inout ConsoleState) {
        let count = state.visibleFindings.count
        let page = state.listRows
        switch action {
        case .up, .previousFinding: state.findingsPosition.move(by: -1, count: count, page: page)
        case .down, .nextFinding: state.findingsPosition.move(by: 1, count: count, page: page)
        case .pageUp: state.findingsPosition.move(by: -page, count: count, page: page)
        case .pageDown: state.findingsPosition.move(by: page, count: count, page: page)
        case .top: state.findingsPosition.select(0, count: count, page: page)
        case .bottom: state.findingsPosition.select(count - 1, count: count, page: page)
        case .open: if let index = state.selectedListed { openDetail(index, from: .findings, &state) }
        case .back, .findings: state.screen = .main
        default: break
        }
    }

    static func detail(_ action: Action, _ state: inout ConsoleState) {
        let shown = state.visibleFindings
        let count = shown.count
        // The last scroll position that still fills the screen (the same layout the view uses).
        let lines = state.detailListed.map { FindingDetailView.lines($0.entry, state).count } ?? 0
        let last = max(0, lines - state.listRows)
        switch action {
        case .up: state.detailScroll = max(0, min(state.detailScroll, last) - 1)
        case .down: state.detailScroll = min(last, state.detailScroll + 1)
        case .pageUp: state.detailScroll = max(0, min(state.detailScroll, last) - state.listRows)
        case .pageDown: state.detailScroll = min(last, state.detailScroll + state.listRows)
        case .top: state.detailScroll = 0
        case .bottom: state.detailScroll = last
        case .nextFinding, .previousFinding:
            guard count > 0, let current = state.detailListed else { return }
            let step = action == .nextFinding ? 1 : -1
            let at = shown.firstIndex(of: current.index) ?? 0
            openDetail(shown[(at + step + count) % count], from: state.detailOrigin, &state)
        case .back: state.screen = state.detailOrigin
        case .findings: state.screen = .findings
        default: break
        }
    }

    /// Opens the detail of list entry `index` (``ConsoleData/listed(_:)``).
    static func openDetail(_ index: Int, from origin: Screen, _ state: inout ConsoleState) {
        state.detailFindingID = state.data.listed(index).id
        state.detailOrigin = origin
        state.detailScroll = 0
        if let at = state.visibleFindings.firstIndex(of: index) {
            state.findingsPosition.select(at, count: state.visibleFindings.count, page: state.listRows)
        }
        state.screen = .detail
    }
}
