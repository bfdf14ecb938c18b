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
