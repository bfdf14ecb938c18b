/// An in-memory screen: views draw into it, tests read it as text, the terminal backend copies it.
public struct CellGrid: Sendable, Hashable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells, row by row.
    public private(set) var cells: [Cell]
    /// Where the hardware cursor goes (the selected row, so screen readers follow it).
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY = 0

    /// A blank grid.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Fills `width` cells of row `y` from column `x` with blanks in `role`.
    public mutating func fill(x: Int = 0, y: Int, width count: Int? = nil, role: StyleRole) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (count ?? width - x))
        var column = max(0, x)
        while column < end {
            self[column, y] = Cell(role: role)
            column += 1
        }
    }

    /// Writes `text` at (`x`, `y`), clipped to `limit` columns and the grid; returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, role: StyleRole, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        for character in text {
            let w = TextFit.width(character)
            if w == 0 { continue }
            if column + w > end { break }
            if column >= 0 {
                self[column, y] = Cell(character, role: role)
                // A wide character (or a cluster such as a ZWJ emoji sequence) covers the next cells.
                for extra in 1..<w { self[column + extra, y] = Cell(" ", role: role, isContinuation: true) }
            }
            column += w
        }
        return column - x
    }

    /// Changes the role of cells in row `y` from `x`, keeping their characters.
    public mutating func restyle(x: Int, y: Int, width count: Int, role: StyleRole) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + count) { cells[y * width + column].role = role }
    }

    /// The characters as lines of text, trailing blanks cut.
    public var text: String {
        lines { $0.isContinuation ? nil : $0.character }
    }

    /// One letter per cell built by `letter` (e.g. the role's letter), trailing blanks cut.
    public func styleLayer(_ letter: (Cell) -> Character = { $0.role.letter }) -> String {
        lines { letter($0) }
    }

    private func lines(_ render: (Cell) -> Character?) -> String {
        var out: [String] = []
        out.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width {
                if let c = render(self[x, y]) { line.append(c) }
            }
            while line.last == " " { line.removeLast() }
            out.append(line)
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func == (a: CellGrid, b: CellGrid) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells && a.cursorX == b.cursorX && a.cursorY == b.cursorY
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        hasher.combine(cells)
    }
}
