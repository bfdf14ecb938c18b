import TOMLKit

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
