/// The characters the views draw with: Unicode box lines, or plain ASCII when the terminal's
/// locale is not UTF-8 (under `LC_ALL=C` every non-ASCII character would vanish).
public struct Glyphs: Sendable, Hashable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var ellipsis: String
    public var arrow: String
    /// Marks a row related to the selected one (a glyph, not only a colour, for monochrome screens).
    public var related: Character
    /// Marks the selected row.
    public var pointer: Character

    /// Box-drawing characters.
    public static let unicode = Glyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└",
                                       bottomRight: "┘", ellipsis: "…", arrow: "→", related: "•", pointer: "▶")
    /// Seven-bit fallbacks.
    public static let ascii = Glyphs(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
                                     bottomRight: "+", ellipsis: "~", arrow: "->", related: "*", pointer: ">")

    /// The severity marker: `!!` critical, `! ` warning, `i ` info (ASCII on every terminal).
    public static func mark(_ severity: SeverityMark?) -> String {
        switch severity {
        case .critical: "!!"
        case .warning: "! "
        case .info: "i "
        case nil: "  "
        }
    }
}
