/// Keys and marks, generated from the keymap so a rebinding shows here too.
enum HelpView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        TitleLine.draw(" Help: keys ", state, into: &grid)
        let lines = HelpText.lines(state.keymap, glyphs: state.glyphs)
        let scroll = min(state.helpScroll, max(0, lines.count - state.listRows))
        for (i, line) in lines.dropFirst(scroll).prefix(state.listRows).enumerated() {
            grid.write(line.keys, x: 2, y: 2 + i, role: .keyHint, limit: 22)
            grid.write(line.summary, x: 26, y: 2 + i, role: .normal, limit: grid.width - 27)
        }
    }
}

/// The help screen's lines: every binding, then what the marks mean.
public enum HelpText {
    /// Lines after the key bindings.
    static let extraLines = 6

    /// Keys and summaries, then the legend of row marks.
    public static func lines(_ keymap: Keymap, glyphs: Glyphs) -> [(keys: String, summary: String)] {
        keymap.helpLines() + [
            ("", ""),
            ("Marks", ""),
            (Glyphs.mark(.critical), "critical: mail is refused now"),
            (Glyphs.mark(.warning), "warning: a conflict that will bite"),
            (Glyphs.mark(.info), "info: worth knowing"),
            (String(glyphs.related), "related to the selected row (same domain, host name or IP)"),
        ]
    }
}
