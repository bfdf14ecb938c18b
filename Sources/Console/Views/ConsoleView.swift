/// Draws the whole console for a state into a cell grid of the state's size.
public enum ConsoleView {
    /// The frame for `state`.
    public static func render(_ state: ConsoleState) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        guard state.fitsMinimum else {
            TooSmallView.draw(state, into: &grid)
            return grid
        }
        HeaderView.draw(state, into: &grid)
        if state.screen == .help {
            HelpView.draw(state, into: &grid)
        } else if state.fix != nil {
            FixView.draw(state, into: &grid)
        } else if state.history != nil {
            HistoryView.draw(state, into: &grid)
        } else {
            drawScreen(state, into: &grid)
        }
        MessageLineView.draw(state, into: &grid)
        FooterView.draw(state, into: &grid)
        return grid
    }

    private static func drawScreen(_ state: ConsoleState, into grid: inout CellGrid) {
        switch state.screen {
        case .main:
            PanesView.draw(state, into: &grid)
            LiveStripView.draw(state, into: &grid)
        case .findings: FindingsListView.draw(state, into: &grid)
        case .detail: FindingDetailView.draw(state, into: &grid)
        case .help: break
        }
    }
}

/// The message shown instead of the console when the terminal is smaller than 80x24.
enum TooSmallView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let lines = [
            "helofix needs at least \(ConsoleState.minimumWidth)x\(ConsoleState.minimumHeight);",
            "this terminal is \(state.width)x\(state.height).",
            "Enlarge the window, or press \(state.keymap.bindings[.quit]?.first?.name ?? "q") to quit.",
        ]
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let fitted = TextFit.fit(line, state.width, ellipsis: state.glyphs.ellipsis)
            let x = max(0, (state.width - TextFit.width(fitted)) / 2)
            grid.write(fitted, x: x, y: top + i, role: i == 0 ? .statusWarn : .normal)
        }
        grid.cursor = (0, 0)
    }
}

/// Top line: hostname, platform, mode, finding counts and the log scan.
enum HeaderView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        grid.fill(y: 0, role: .header)
        let d = state.data
        var host = state.loaded ? (d.hostname ?? "(no hostname)") : "reading" + state.glyphs.ellipsis
        // A fleet names the server filter where one server's hostname would be.
        if let fleet = d.fleet {
            host = "fleet: " + (state.serverFilter.map { "server \(fleet.servers[$0].name)" } ?? "all servers")
        }
        // The counts always show; the log status and the platform only when there is room.
        var right: [(String, StyleRole)] = [
            ("!! \(d.criticalCount) critical", d.criticalCount > 0 ? .conflictCritical : .header), ("  ", .header),
            ("! \(d.warningCount) warning\(d.warningCount == 1 ? "" : "s")", d.warningCount > 0 ? .conflictWarning : .header),
            ("  " + logText(state.logStatus) + " ", .header),
        ]
        // A fleet's logs are the collected lines, read once: there is no scan or follow to report.
        if d.fleet != nil { right.removeLast() }
        let left = 9 + TextFit.width(host) + 4 + state.mode.label.count + 2
        func width(_ items: [(String, StyleRole)]) -> Int { items.map { TextFit.width($0.0) }.reduce(0, +) }
        if left + width(right) > grid.width { right.removeLast() }
        var x = grid.write(" helofix ", x: 0, y: 0, role: .title)
        x += grid.write(" \(host)  ", x: x, y: 0, role: .header)
        x += grid.write("[\(state.mode.label)]", x: x, y: 0, role: state.mode == .readOnly ? .statusWarn : .statusOK)
        if let incomplete = d.incomplete, state.loaded {
            // Before anything else: the panes below miss what those files hold.
            let text = " " + (incomplete.split(separator: ":").prefix(2).joined(separator: ":")) + " "
            x += grid.write(text, x: x, y: 0, role: .statusError)
        }
        let rightStart = grid.width - width(right)
        let platform = "  " + d.platformName
        if x + TextFit.width(platform) + 1 <= rightStart { grid.write(platform, x: x, y: 0, role: .header) }
        var rx = max(x + 1, rightStart)
        for (text, role) in right { rx += grid.write(text, x: rx, y: 0, role: role) }
    }

    static func logText(_ status: LogScanStatus) -> String {
        switch status {
        case .noLog: "log: none"
        case .scanning(let done, let total):
            "log: scanning \(total > 0 ? Int(done * 100 / total) : 0)%"
        case .following(let n): "log: \(n) rejection\(n == 1 ? "" : "s")"
        case .failed: "log: unreadable"
        }
    }
}

/// The line above the footer: the filter being typed, or a message.
enum MessageLineView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let y = state.height - 2
        if state.editingFilter {
            let x = grid.write("Filter: ", x: 0, y: y, role: .keyHint)
            grid.fill(x: x, y: y, role: .input)
            let used = grid.write(state.filter, x: x, y: y, role: .input)
            grid.cursor = (min(grid.width - 1, x + used), y)
            return
        }
        let onMain = state.screen == .main && state.fix == nil && state.history == nil
        if let message = state.message {
            grid.write(TextFit.fit(message.text, grid.width, ellipsis: state.glyphs.ellipsis), x: 0, y: y,
                       role: message.isError ? .statusError : .normal)
        } else if onMain, let full = cutRowText(state) {
            // The pane had to cut the selected row: the whole name (and note) is readable here.
            grid.write(TextFit.fit(full, grid.width, ellipsis: state.glyphs.ellipsis), x: 0, y: y, role: .normal)
        } else if !state.filter.isEmpty && onMain {
            let back = state.keymap.bindings[.back]?.first?.name ?? "Esc"
            let x = grid.write("Filter: ", x: 0, y: y, role: .keyHint)
            grid.write("\(state.filter)  (\(back) clears)", x: x, y: y, role: .normal)
        }
    }

    /// The selected row's full text and note, when its pane is too narrow to show them.
    static func cutRowText(_ state: ConsoleState) -> String? {
        guard let address = state.selectedRow(in: state.focus) else { return nil }
        let row = state.data.rows[address.pane.rawValue][address.row]
        let room = PanesView.textRoom(address.pane, state)
        guard TextFit.width(row.text) > room || TextFit.width(row.text) + 2 + TextFit.width(row.note) > room else { return nil }
        let note = row.note.isEmpty ? "" : "  (\(row.note))"
        return "\(address.pane.title): \(row.text)\(note)"
    }
}

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
        case .main where state.data.fleet != nil: actions = [.quit, .help, .nextServer, .filter, .nextFinding, .open, .findings, .nextPane]
        case .findings where state.data.fleet != nil: actions = [.quit, .help, .nextServer, .open, .back]
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
