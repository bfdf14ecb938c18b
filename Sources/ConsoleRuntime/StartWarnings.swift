/// The message line's text for the theme and key-file warnings found at start. They are also
/// printed to stderr, but the console's screen covers that at once, so the first one (and how
/// many more) is shown where the admin is looking.
enum StartWarnings {
    /// `warning: FIRST (and N more, printed on stderr)`, or `nil` without warnings.
    static func line(_ warnings: [String]) -> String? {
        guard let first = warnings.first else { return nil }
        let more = warnings.count > 1 ? " (and \(warnings.count - 1) more, printed on stderr)" : ""
        return "warning: \(first)\(more)"
    }
}
