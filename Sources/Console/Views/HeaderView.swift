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
        var right: [(String, StyleRole)] = state.findingsPending ? [("checking findings" + state.glyphs.ellipsis, .header)] : [
            ("!! \(d.criticalCount) critical", d.criticalCount > 0 ? .conflictCritical : .header), ("  ", .header),
            ("! \(d.warningCount) warning\(d.warningCount == 1 ? "" : "s")", d.warningCount > 0 ? .conflictWarning : .header),
        ]
        // A fleet's logs are the collected lines, read once: there is no scan or follow to report.
        if d.fleet == nil { right.append(("  " + logText(state.logStatus) + " ", .header)) }
        let left = 9 + TextFit.width(host) + 4 + TextFit.width(state.mode.label) + 2
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
