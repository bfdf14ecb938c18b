import Diagnosis

/// All findings, most severe first: mark, title, rule id.
enum FindingsListView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let findings = state.visibleFindings
        let fleet = state.data.fleet
        let scope = fleet.map { f in state.serverFilter.map { ", server \(f.servers[$0].name)" } ?? ", \(f.servers.count) servers" } ?? ""
        TitleLine.draw(" Findings (\(findings.count)\(scope)) ", state, into: &grid)
        if findings.isEmpty {
            let waiting = !state.loaded || state.findingsPending
            let nothing = fleet == nil ? "No findings: nothing on this server conflicts." : "No findings: nothing here conflicts."
            grid.write(waiting ? "reading" + state.glyphs.ellipsis : nothing, x: 2, y: 2, role: .dim)
            return
        }
        let position = state.findingsPosition
        // In a fleet, a server column: the finding's server, or the one a cross-server finding is fixed on.
        let column = fleet.map { $0.columnWidth + 2 } ?? 0
        for line in 0..<state.listRows {
            let at = position.top + line
            guard at < findings.count else { break }
            let f = state.data.listed(findings[at])
            let y = 2 + line
            let selected = at == position.selected
            let base: StyleRole = selected ? .selection : .normal
            grid.fill(y: y, role: base)
            let mark = SeverityMark(f.severity)
            grid.write(Glyphs.mark(mark), x: 1, y: y, role: mark.role)
            grid.write(String(selected ? state.glyphs.pointer : " "), x: 3, y: y, role: base)
            let rule = f.rule
            if column > 0 {
                grid.write(TextFit.fit(f.serverText, column - 2, ellipsis: state.glyphs.ellipsis), x: 5, y: y, role: selected ? .selection : .dim)
            }
            let room = grid.width - 6 - column - TextFit.width(rule) - 3
            grid.write(TextFit.fit(f.title, room, ellipsis: state.glyphs.ellipsis), x: 5 + column, y: y, role: base)
            grid.write(rule, x: grid.width - TextFit.width(rule) - 1, y: y, role: selected ? .selection : .dim)
            if selected { grid.cursor = (1, y) }
        }
    }
}
