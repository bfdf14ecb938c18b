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
