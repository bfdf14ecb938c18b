import Console
import Foundation

/// The theme and keymap a console opens with, from the built-in themes and the admin's
/// configuration directory. Both consoles (one server, a fleet) start the same way: what was
/// ignored in the admin's files is printed on stderr and kept for the first message line.
struct ConsoleLook {
    let theme: Theme
    let keymap: Keymap
    /// What was ignored in the theme or key files, already printed on stderr.
    let warnings: [String]

    /// Loads theme `name` (a built-in name or a file; `default` when nil) and the key file.
    static func load(_ name: String?, environment: [String: String]) throws(ConsoleLaunchError) -> ConsoleLook {
        let catalog = ThemeCatalog(configDirectory: ThemeCatalog.configDirectory(environment: environment))
        let (theme, themeWarnings): (Theme, [String])
        do {
            (theme, themeWarnings) = try catalog.load(name)
        } catch {
            throw ConsoleLaunchError(error.description)
        }
        let (keymap, keyWarnings) = catalog.keymap()
        let warnings = themeWarnings + keyWarnings
        for warning in warnings { FileHandle.standardError.write(Data("helofix: warning: \(warning)\n".utf8)) }
        return ConsoleLook(theme: theme, keymap: keymap, warnings: warnings)
    }
}
