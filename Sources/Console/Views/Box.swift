/// A frame of box-drawing characters.
enum Box {
    static func draw(x: Int, y: Int, width: Int, height: Int, role: StyleRole, glyphs g: Glyphs, into grid: inout CellGrid) {
        guard width >= 2, height >= 2 else { return }
        let h = String(repeating: g.horizontal, count: width - 2)
        grid.write(String(g.topLeft) + h + String(g.topRight), x: x, y: y, role: role)
        grid.write(String(g.bottomLeft) + h + String(g.bottomRight), x: x, y: y + height - 1, role: role)
        for row in (y + 1)..<(y + height - 1) {
            grid.write(String(g.vertical), x: x, y: row, role: role)
            grid.write(String(g.vertical), x: x + width - 1, y: row, role: role)
        }
    }
}
