import Foundation

/// Finds a theme by name or path: a path (containing `/` or ending in `.toml`) is read as is; a
/// name is looked up in the user's themes directory first, then among the built-in themes.
public struct ThemeCatalog: Sendable {
    /// `~/.config/helofix` (or `$XDG_CONFIG_HOME/helofix`), injected so tests use a temporary one.
    public var configDirectory: String?

    public init(configDirectory: String?) {
        self.configDirectory = configDirectory
    }

    /// The config directory from the environment: `$XDG_CONFIG_HOME/helofix`, else `$HOME/.config/helofix`.
    public static func configDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/helofix" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/helofix" }
        return nil
    }

    /// The theme `nameOrPath` (`default` when nil), with warnings about unknown keys.
    public func load(_ nameOrPath: String?) throws(ThemeError) -> (Theme, warnings: [String]) {
        let request = nameOrPath ?? "default"
        if request.contains("/") || request.hasSuffix(".toml") {
            return try parseFile(request, name: ((request as NSString).lastPathComponent as NSString).deletingPathExtension)
        }
        var searched: [String] = []
        if let dir = configDirectory {
            let path = "\(dir)/themes/\(request).toml"
            searched.append(path)
            if FileManager.default.fileExists(atPath: path) { return try parseFile(path, name: request) }
        }
        if let text = BuiltinThemes.source(request) {
            return try ThemeParser.parse(text, name: request, file: "built-in theme \(request)")
        }
        searched.append("the built-in themes")
        throw .notFound(name: request, searched: searched)
    }

    private func parseFile(_ path: String, name: String) throws(ThemeError) -> (Theme, warnings: [String]) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(file: path)
        }
        return try ThemeParser.parse(text, name: name, file: path)
    }

    /// The keymap with the user's keys.toml applied, and its warnings.
    public func keymap() -> (Keymap, warnings: [String]) {
        guard let dir = configDirectory else { return (.standard, []) }
        let path = dir + "/keys.toml"
        guard let data = FileManager.default.contents(atPath: path) else { return (.standard, []) }
        guard let text = String(data: data, encoding: .utf8) else {
            return (.standard, ["\(path) is not UTF-8 text; using the standard keys."])
        }
        let result = Keymap.standard.overridden(byTOML: text, file: path)
        return (result.keymap, result.warnings)
    }
}
