import TOMLKit

/// A theme that cannot be used, with what to do.
public enum ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalid(file: String, reason: String)
    case notFound(name: String, searched: [String])
    case unreadable(file: String)

    public var description: String {
        switch self {
        case .invalid(let file, let reason):
            "theme \(file) is not valid TOML (\(reason)); fix it or choose another with --theme."
        case .notFound(let name, let searched):
            "no theme named \"\(name)\" (built-in: \(BuiltinThemes.names.joined(separator: ", ")); looked in \(searched.joined(separator: ", "))); pass a built-in name or a path to a .toml file."
        case .unreadable(let file):
            "cannot read theme file \(file); check the path and its permissions."
        }
    }
}
