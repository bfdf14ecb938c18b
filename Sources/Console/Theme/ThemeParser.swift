import TOMLKit

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
