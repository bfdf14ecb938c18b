import Diagnosis

/// One finding: what is wrong, why, the evidence (file:line and log lines) and the remedies.
enum FindingDetailView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        guard let (index, entry) = state.detailListed else {
            TitleLine.draw(" Finding ", state, into: &grid)
            grid.write("This finding is gone: the server changed. Press Esc.", x: 2, y: 2, role: .dim)
            return
        }
        let mark = SeverityMark(entry.severity)
        let lines = lines(entry, state)
        let scroll = min(state.detailScroll, max(0, lines.count - state.listRows))
        let shown = state.visibleFindings
        let position = (shown.firstIndex(of: index) ?? index) + 1
        let server = entry.serverText.isEmpty ? "" : " (\(entry.serverText))"
        TitleLine.draw(" Finding \(position) of \(shown.count)\(server) ", state, into: &grid,
                       scroll: (scroll, state.listRows, lines.count))
        // The mark belongs to the title line: once that has scrolled away, it would cover text.
        if scroll == 0 { grid.write(Glyphs.mark(mark), x: 2, y: 2, role: mark.role) }
        for (i, line) in lines.dropFirst(scroll).prefix(state.listRows).enumerated() {
            let y = 2 + i
            let x = i == 0 && scroll == 0 ? 5 : 2 + line.indent
            grid.write(line.text, x: x, y: y, role: line.role, limit: grid.width - x - 1)
        }
    }

    /// The detail lines of a list entry (the same layout the keys scroll by).
    static func lines(_ entry: ListedFinding, _ state: ConsoleState) -> [DetailText.Line] {
        switch entry {
        case .server(let finding, _):
            let aboutDomain = finding.subjects.contains { if case .domain = $0 { true } else { false } }
            return DetailText.lines(finding, width: state.width - 4, dnsNote: aboutDomain ? state.dns.pendingLine : nil)
        case .fleet(let finding):
            return FleetDetailText.lines(finding, inventory: state.data.fleet?.inventory, width: state.width - 4)
        }
    }
}
