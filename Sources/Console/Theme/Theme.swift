import TOMLKit

/// How one role looks at each colour profile: explicit 256-colour, 16-colour and monochrome values.
public struct RoleStyle: Sendable, Hashable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var attributes: TextAttributes?
    public var foreground16: ThemeColor?
    public var background16: ThemeColor?
    public var attributes16: TextAttributes?
    /// Attributes when there is no colour at all (reverse, bold, underline).
    public var mono: TextAttributes?

    public init() {}

    /// The style at `profile`; unset values fall back to `base` (the built-in default's role).
    func resolve(_ profile: ColorProfile, base: RoleStyle?) -> ResolvedStyle {
        func pick<T>(_ own: T?, _ inherited: T?) -> T? { own ?? inherited }
        switch profile {
        case .mono:
            return ResolvedStyle(attributes: pick(mono, base?.mono) ?? [])
        case .ansi256:
            let fg = pick(foreground, base?.foreground) ?? .terminalDefault
            let bg = pick(background, base?.background) ?? .terminalDefault
            return ResolvedStyle(foreground: fg.number, background: bg.number, attributes: pick(attributes, base?.attributes) ?? [])
        case .ansi16, .ansi8:
            let fg = (foreground16 ?? lowColor(foreground) ?? base?.foreground16 ?? lowColor(base?.foreground) ?? .terminalDefault).number
            let bg = (background16 ?? lowColor(background) ?? base?.background16 ?? lowColor(base?.background) ?? .terminalDefault).number
            var attributes = attributes16 ?? base?.attributes16 ?? pick(attributes, base?.attributes) ?? []
            guard profile == .ansi8 else { return ResolvedStyle(foreground: fg, background: bg, attributes: attributes) }
            // Eight-colour terminals show the bright half as bold of the base colour.
            if fg >= 8 { attributes.insert(.bold) }
            return ResolvedStyle(foreground: fg >= 8 ? fg - 8 : fg, background: bg >= 8 ? bg - 8 : bg, attributes: attributes)
        }
    }

    /// A 256-colour value usable on a 16-colour terminal as is (default or 0...15).
    private func lowColor(_ c: ThemeColor?) -> ThemeColor? {
        guard let c else { return nil }
        return c.number < 16 ? c : nil
    }
}

/// A named set of role styles, read from TOML.
public struct Theme: Sendable, Hashable {
    /// The theme's name.
    public var name: String
    /// Styles per role; missing roles fall back to the built-in `default` theme.
    public var roles: [StyleRole: RoleStyle]

    public init(name: String, roles: [StyleRole: RoleStyle]) {
        self.name = name
        self.roles = roles
    }

    /// Every role's final style on a terminal with `profile`.
    public func resolved(for profile: ColorProfile) -> [StyleRole: ResolvedStyle] {
        let base = name == "default" ? nil : BuiltinThemes.defaultTheme
        var out: [StyleRole: ResolvedStyle] = [:]
        for role in StyleRole.allCases {
            out[role] = (roles[role] ?? RoleStyle()).resolve(profile, base: base?.roles[role])
        }
        return out
    }
}

/// Reads theme TOML: `[roles."conflict.critical"]` tables with `fg`, `bg`, `attrs`, `fg16`, `bg16`,
/// `attrs16` and `mono`. Unknown roles, keys and values are warnings, never failures.
public enum ThemeParser {
    /// Parses `text` read from `file` (for messages).
    public static func parse(_ text: String, name: String, file: String) throws(ThemeError) -> (Theme, warnings: [String]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            throw .invalid(file: file, reason: "\(error)")
        }
        var warnings: [String] = []
        for key in table.keys where !["name", "description", "roles"].contains(key) {
            warnings.append("\(file): unknown key \"\(key)\" ignored.")
        }
        var roles: [StyleRole: RoleStyle] = [:]
        let roleTable = table["roles"]?.table
        for roleName in roleTable?.keys ?? [] {
            guard let role = StyleRole(rawValue: roleName) else {
                warnings.append("\(file): unknown role \"\(roleName)\" ignored (known: \(StyleRole.allCases.map(\.rawValue).joined(separator: ", "))).")
                continue
            }
            guard let values = roleTable?[roleName]?.table else {
                warnings.append("\(file): role \"\(roleName)\" must be a table; ignored.")
                continue
            }
            roles[role] = parseRole(values, where: "\(file): \(roleName)", warnings: &warnings)
        }
        return (Theme(name: table["name"]?.string ?? name, roles: roles), warnings)
    }

    private static func parseRole(_ t: TOMLTable, where place: String, warnings: inout [String]) -> RoleStyle {
        var style = RoleStyle()
        func color(_ key: String) -> ThemeColor? {
            guard let value = t[key] else { return nil }
            guard let text = value.string, let c = ThemeColor(text) else {
                warnings.append("\(place).\(key): \"\(value)\" is not a colour (use default, an ANSI name, color0-255 or #rrggbb); ignored.")
                return nil
            }
            return c
        }
        func attributes(_ key: String) -> TextAttributes? {
            guard let value = t[key] else { return nil }
            let names = value.array.map { $0.compactMap { $0.string } } ?? value.string.map { [$0] } ?? []
            let (attrs, unknown) = TextAttributes.parse(names)
            for u in unknown { warnings.append("\(place).\(key): unknown attribute \"\(u)\" ignored (use bold, reverse, underline, dim).") }
            return attrs
        }
        for key in t.keys where !["fg", "bg", "attrs", "fg16", "bg16", "attrs16", "mono"].contains(key) {
            warnings.append("\(place): unknown key \"\(key)\" ignored.")
        }
        style.foreground = color("fg")
        style.background = color("bg")
        style.attributes = attributes("attrs")
        style.foreground16 = color("fg16")
        style.background16 = color("bg16")
        style.attributes16 = attributes("attrs16")
        style.mono = attributes("mono")
        return style
    }
}

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
