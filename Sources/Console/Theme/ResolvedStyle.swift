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
