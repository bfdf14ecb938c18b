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
