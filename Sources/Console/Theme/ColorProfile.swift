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
