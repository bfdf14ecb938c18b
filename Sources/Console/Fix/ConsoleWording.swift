import Foundation

/// The console's words for messages the Remedy layer writes for the command line.
enum ConsoleWording {
    /// `message` without its `--force` advice: the console has no way to pass the flag, so it
    /// must not suggest one (the command line, which can, keeps the full message).
    static func withoutCommandLineFlags(_ message: String) -> String {
        var text = message
        for pattern in [#"\s*\((?:or )?(?:use )?--force[^)]*\)"#, #",? or (?:use )?--force[^;:.\n]*"#] {
            text = text.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
        }
        return text
    }
}
