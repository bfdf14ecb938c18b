/// The three panes side by side. Only the rows on screen are touched, so a frame costs the same
/// with 10 domains or 100,000.
enum PanesView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let third = state.width / 3
        let widths = [third, third, state.width - 2 * third]
        let selected = state.selectedRow(in: state.focus)
        let related = selected.map { state.data.related(to: $0) } ?? []
        var x = 0
        for pane in Pane.allCases {
            drawPane(pane, x: x, width: widths[pane.rawValue], related: related, state, into: &grid)
            x += widths[pane.rawValue]
        }
    }

    /// Columns for a row's text in `pane` (the width less the borders, the mark and the pointer).
    static func textRoom(_ pane: Pane, _ state: ConsoleState) -> Int {
        let third = state.width / 3
        let width = pane == .whitelist ? state.width - 2 * third : third
        return width - 2 - 4
    }

    private static func drawPane(_ pane: Pane, x: Int, width: Int, related: Set<RowAddress>,
                                 _ state: ConsoleState, into grid: inout CellGrid) {
        let g = state.glyphs
        let focused = pane == state.focus
        let border: StyleRole = focused ? .borderFocus : .border
        let top = 1
        let bottom = 1 + state.paneRows + 1
        let shown = state.visible[pane.rawValue]
        let total = state.data.rows[pane.rawValue].count
        Box.draw(x: x, y: top, width: width, height: bottom - top + 1, role: border, glyphs: g, into: &grid)
        let count = state.filter.isEmpty ? "\(total)" : "\(shown.count)/\(total)"
        grid.write(" \(pane.title) (\(count)) ", x: x + 2, y: top, role: focused ? .title : .border, limit: width - 4)
        let position = state.positions[pane.rawValue]
        if !shown.isEmpty {
            grid.write(" \(position.selected + 1)/\(shown.count) ", x: x + 2, y: bottom, role: border, limit: width - 4)
        }
        let inner = width - 2
        guard state.loaded else {
            grid.write("reading" + state.glyphs.ellipsis, x: x + 1, y: top + 1, role: .dim, limit: inner)
            return
        }
        if shown.isEmpty {
            grid.write(state.filter.isEmpty ? "(none)" : "(no match)", x: x + 4, y: top + 1, role: .dim, limit: inner - 3)
        }
        for line in 0..<state.paneRows {
            let at = position.top + line
            guard at < shown.count else { break }
            let address = RowAddress(pane, shown[at])
            let isSelected = at == position.selected
            drawRow(address, x: x + 1, y: top + 1 + line, width: inner, selected: isSelected, focused: focused,
                    related: related.contains(address), state, into: &grid)
            if isSelected && focused { grid.cursor = (x + 1, top + 1 + line) }
        }
    }

    /// `!! • shop.example.com      no owner local`: mark, relation glyph, text, dim note.
    private static func drawRow(_ address: RowAddress, x: Int, y: Int, width: Int, selected: Bool, focused: Bool,
                                related: Bool, _ state: ConsoleState, into grid: inout CellGrid) {
        let row = state.data.rows[address.pane.rawValue][address.row]
        let g = state.glyphs
        let base: StyleRole = selected && focused ? .selection : related ? .related : .normal
        grid.fill(x: x, y: y, width: width, role: base)
        grid.write(Glyphs.mark(row.severity), x: x, y: y, role: row.severity?.role ?? base)
        let glyph: Character = selected ? g.pointer : related ? g.related : " "
        grid.write(String(glyph), x: x + 2, y: y, role: base)
        let room = width - 4
        let text = TextFit.fit(row.text, room, ellipsis: g.ellipsis)
        let used = grid.write(text, x: x + 4, y: y, role: base)
        let noteRoom = room - used - 2
        // A domain's DNS verdict (where its mail really goes) joins the note as soon as it arrives.
        let verdict = address.pane == .domains ? state.dns.verdictText(for: row.key) : nil
        let noteText = verdict.map { row.note.isEmpty ? "→ \($0)" : row.note + " → \($0)" } ?? row.note
        if noteRoom >= 4 && !noteText.isEmpty {
            let note = TextFit.fit(noteText, noteRoom, ellipsis: g.ellipsis)
            grid.write(note, x: x + width - TextFit.width(note), y: y, role: base == .normal ? .dim : base)
        }
    }
}
