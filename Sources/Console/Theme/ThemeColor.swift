/// A colour as written in a theme: `default` (the terminal's own), one of the 16 ANSI names,
/// `color0`..`color255`, or `#rrggbb` (mapped to the nearest of the 256; never redefines the palette).
public enum ThemeColor: Sendable, Hashable {
    /// The terminal's own foreground or background (curses `-1`).
    case terminalDefault
    /// A palette index 0...255.
    case index(Int)

    /// The 16 ANSI names in palette order.
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                                   "brightblack", "brightred", "brightgreen", "brightyellow", "brightblue",
                                   "brightmagenta", "brightcyan", "brightwhite"]

    /// Parses a colour value; `nil` when it is not one.
    public init?(_ text: String) {
        let t = String(text.lowercased().filter { $0 != "-" && $0 != "_" })
        if t == "default" || t == "none" {
            self = .terminalDefault
        } else if let i = Self.ansiNames.firstIndex(of: t == "gray" || t == "grey" ? "brightblack" : t) {
            self = .index(i)
        } else if t.hasPrefix("color"), let n = Int(t.dropFirst(5)), (0...255).contains(n) {
            self = .index(n)
        } else if t.hasPrefix("#"), t.count == 7, let rgb = Int(t.dropFirst(), radix: 16) {
            self = .index(Self.nearest256(r: rgb >> 16, g: (rgb >> 8) & 0xFF, b: rgb & 0xFF))
        } else {
            return nil
        }
    }

    /// The curses colour number (`-1` for the terminal default).
    public var number: Int {
        switch self {
        case .terminalDefault: -1
        case .index(let n): n
        }
    }

    /// The nearest xterm-256 colour: the 6x6x6 cube or the grey ramp, whichever is closer.
    static func nearest256(r: Int, g: Int, b: Int) -> Int {
        let levels = [0, 95, 135, 175, 215, 255]
        func step(_ v: Int) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) }! }
        let (ri, gi, bi) = (step(r), step(g), step(b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeDistance = sq(levels[ri] - r) + sq(levels[gi] - g) + sq(levels[bi] - b)
        let grey = max(0, min(23, ((r + g + b) / 3 - 8 + 5) / 10))
        let greyLevel = 8 + grey * 10
        let greyDistance = sq(greyLevel - r) + sq(greyLevel - g) + sq(greyLevel - b)
        return greyDistance < cubeDistance ? 232 + grey : cube
    }

    private static func sq(_ v: Int) -> Int { v * v }
}
