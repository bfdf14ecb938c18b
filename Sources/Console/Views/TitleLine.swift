import Diagnosis

/// The title row of a full-screen view: a line with the title in it.
/// A screen longer than the terminal shows where it is (` 21-40/63 `) at the right end.
enum TitleLine {
    static func draw(_ title: String, _ state: ConsoleState, into grid: inout CellGrid,
                     scroll: (top: Int, rows: Int, total: Int)? = nil) {
        grid.write(String(repeating: state.glyphs.horizontal, count: grid.width), x: 0, y: 1, role: .border)
        var room = grid.width - 4
        if let s = scroll, s.total > s.rows {
            let position = " \(s.top + 1)-\(min(s.total, s.top + s.rows))/\(s.total) "
            let x = grid.width - 2 - TextFit.width(position)
            grid.write(position, x: x, y: 1, role: .border)
            room = x - 3
        }
        grid.write(TextFit.fit(title, room, ellipsis: state.glyphs.ellipsis), x: 2, y: 1, role: .title, limit: room)
        grid.cursor = (2, 1)
    }
}
