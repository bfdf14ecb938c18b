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

/// Text attributes that survive on every terminal, colour or not.
public struct TextAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1)
    public static let reverse = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let dim = TextAttributes(rawValue: 8)

    /// Parses attribute names (`bold`, `reverse`, `underline`, `dim`); unknown names are returned.
    static func parse(_ names: [String]) -> (TextAttributes, unknown: [String]) {
        var attributes = TextAttributes()
        var unknown: [String] = []
        for name in names {
            switch name.lowercased() {
            case "bold": attributes.insert(.bold)
            case "reverse": attributes.insert(.reverse)
            case "underline": attributes.insert(.underline)
            case "dim": attributes.insert(.dim)
            default: unknown.append(name)
            }
        }
        return (attributes, unknown)
    }
}

/// What the terminal can show, best first.
public enum ColorProfile: String, Sendable, Hashable, CaseIterable {
    case ansi256 = "256"
    case ansi16 = "16"
    case ansi8 = "8"
    case mono

    /// The profile for a terminal with `colors` colours; `NO_COLOR` (set and not empty) forces mono.
    public static func detect(colors: Int, noColor: String?) -> ColorProfile {
        if let n = noColor, !n.isEmpty { return .mono }
        if colors >= 256 { return .ansi256 }
        if colors >= 16 { return .ansi16 }
        if colors >= 8 { return .ansi8 }
        return .mono
    }
}

/// A role's final look on one terminal: curses colour numbers and attributes.
public struct ResolvedStyle: Sendable, Hashable {
    /// Foreground colour number, `-1` for the terminal's default.
    public var foreground: Int
    /// Background colour number, `-1` for the terminal's default.
    public var background: Int
    /// Attributes.
    public var attributes: TextAttributes

    public init(foreground: Int = -1, background: Int = -1, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
