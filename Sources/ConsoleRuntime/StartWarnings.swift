/// The message line's text for the theme and key-file warnings found at start. They are also
/// printed to stderr, but the console's screen covers that at once, so the first one (and how
/// many more) is shown where the admin is looking.
enum StartWarnings {
    /// `warning: keys.toml: WHAT (and N more, printed on stderr)`, or `nil` without warnings.
    /// The file is named by its last component: at 80 columns a full path would leave no room
    /// for what is wrong with it (stderr keeps the full path).
    static func line(_ warnings: [String]) -> String? {
        guard let first = warnings.first else { return nil }
        let more = warnings.count > 1 ? " (and \(warnings.count - 1) more, printed on stderr)" : ""
        return "warning: \(shortened(first))\(more)"
    }

    private static func shortened(_ warning: String) -> String {
        guard warning.hasPrefix("/"), let colon = warning.range(of: ": ") else { return warning }
        let path = warning[..<colon.lowerBound]
        let name = path.split(separator: "/").last.map(String.init) ?? String(path)
        return name + warning[colon.lowerBound...]
    }
}
