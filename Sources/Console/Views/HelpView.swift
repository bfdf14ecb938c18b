/// Keys and marks, generated from the keymap so a rebinding shows here too.
enum HelpView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let lines = HelpText.lines(for: state)
        let scroll = min(state.helpScroll, max(0, lines.count - state.listRows))
        TitleLine.draw(" Help: keys on \(HelpText.screenName(state)) ", state, into: &grid, scroll: (scroll, state.listRows, lines.count))
        for (i, line) in lines.dropFirst(scroll).prefix(state.listRows).enumerated() {
            grid.write(line.keys, x: 2, y: 2 + i, role: .keyHint, limit: 22)
            grid.write(line.summary, x: 26, y: 2 + i, role: .normal, limit: grid.width - 27)
        }
    }
}
