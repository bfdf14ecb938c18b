import Diagnosis

/// One finding: what is wrong, why, the evidence (file:line and log lines) and the remedies.
enum FindingDetailView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        guard let (index, finding) = state.detailFinding else {
            TitleLine.draw(" Finding ", state, into: &grid)
            grid.write("This finding is gone: the server changed. Press Esc.", x: 2, y: 2, role: .dim)
            return
        }
        let mark = SeverityMark(finding.severity)
        let aboutDomain = finding.subjects.contains { if case .domain = $0 { true } else { false } }
        let lines = DetailText.lines(finding, width: grid.width - 4, dnsNote: aboutDomain ? state.dns.pendingLine : nil)
        let scroll = min(state.detailScroll, max(0, lines.count - state.listRows))
        TitleLine.draw(" Finding \(index + 1) of \(state.data.findings.count) ", state, into: &grid,
                       scroll: (scroll, state.listRows, lines.count))
        // The mark belongs to the title line: once that has scrolled away, it would cover text.
        if scroll == 0 { grid.write(Glyphs.mark(mark), x: 2, y: 2, role: mark.role) }
        for (i, line) in lines.dropFirst(scroll).prefix(state.listRows).enumerated() {
            let y = 2 + i
            let x = i == 0 && scroll == 0 ? 5 : 2 + line.indent
            grid.write(line.text, x: x, y: y, role: line.role, limit: grid.width - x - 1)
        }
    }
}
