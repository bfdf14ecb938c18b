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
