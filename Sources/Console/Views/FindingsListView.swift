import Diagnosis

/// All findings, most severe first: mark, title, rule id.
enum FindingsListView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let findings = state.data.findings
        TitleLine.draw(" Findings (\(findings.count)) ", state, into: &grid)
        if findings.isEmpty {
            let waiting = !state.loaded || state.findingsPending
            grid.write(waiting ? "reading" + state.glyphs.ellipsis : "No findings: nothing on this server conflicts.", x: 2, y: 2, role: .dim)
            return
        }
        let position = state.findingsPosition
        for line in 0..<state.listRows {
            let at = position.top + line
            guard at < findings.count else { break }
            let f = findings[at]
            let y = 2 + line
            let selected = at == position.selected
            let base: StyleRole = selected ? .selection : .normal
            grid.fill(y: y, role: base)
            let mark = SeverityMark(f.severity)
            grid.write(Glyphs.mark(mark), x: 1, y: y, role: mark.role)
            grid.write(String(selected ? state.glyphs.pointer : " "), x: 3, y: y, role: base)
            let rule = f.rule.rawValue
            let room = grid.width - 6 - TextFit.width(rule) - 3
            grid.write(TextFit.fit(f.title, room, ellipsis: state.glyphs.ellipsis), x: 5, y: y, role: base)
            grid.write(rule, x: grid.width - TextFit.width(rule) - 1, y: y, role: selected ? .selection : .dim)
            if selected { grid.cursor = (1, y) }
        }
    }
}
