/// The built-in themes, compiled in so the program needs no files beside it. These strings are
/// exact copies of `Themes/*.toml` (a test checks that they match).
public enum BuiltinThemes {
    /// Names in the order `--help` lists them.
    public static let names = ["default", "dark-256", "light-256", "high-contrast", "mono"]

    /// The TOML text of a built-in theme.
    public static func source(_ name: String) -> String? {
        switch name {
        case "default": defaultTOML
        case "dark-256": dark256TOML
        case "light-256": light256TOML
        case "high-contrast": highContrastTOML
        case "mono": monoTOML
        default: nil
        }
    }

    /// The parsed `default` theme, the fallback for roles other themes leave out.
    public static let defaultTheme: Theme = {
        // The embedded text is checked by tests; a parse failure here is a build defect.
        (try? ThemeParser.parse(defaultTOML, name: "default", file: "built-in default").0) ?? Theme(name: "default", roles: [:])
    }()

    static let defaultTOML = #"""
# helofix theme "default": follows the terminal's own palette. Foregrounds are the 16 ANSI
# colours the user already chose; backgrounds stay the terminal's (-1), so light and dark
# terminals both look right. Per role: fg/bg/attrs (256 colours), fg16/bg16/attrs16 (16 colours),
# mono (attributes when there is no colour: bold, reverse, underline, dim).
name = "default"
description = "Follows the terminal's palette and background"

[roles.normal]
fg = "default"
bg = "default"
mono = []

[roles.dim]
fg = "brightblack"
mono = []

[roles.title]
fg = "default"
attrs = ["bold"]
mono = ["bold"]

[roles.header]
fg = "default"
attrs = ["reverse"]
mono = ["reverse"]

[roles.border]
fg = "brightblack"
mono = []

[roles."border.focus"]
fg = "cyan"
attrs = ["bold"]
mono = ["bold"]

[roles.selection]
fg = "black"
bg = "cyan"
mono = ["reverse"]

[roles.related]
fg = "yellow"
mono = ["underline"]

[roles."status.ok"]
fg = "green"
attrs = ["bold"]
mono = ["bold"]

[roles."status.warn"]
fg = "yellow"
attrs = ["bold"]
mono = ["bold"]

[roles."status.error"]
fg = "red"
attrs = ["bold"]
mono = ["bold", "reverse"]

[roles."key.hint"]
fg = "cyan"
attrs = ["bold"]
mono = ["bold"]

[roles.input]
fg = "default"
attrs = ["underline"]
mono = ["underline"]

[roles.dialog]
fg = "default"
attrs = ["reverse"]
mono = ["reverse"]

[roles."diff.add"]
fg = "green"
mono = ["bold"]

[roles."diff.del"]
fg = "red"
mono = ["dim"]

[roles."conflict.critical"]
fg = "brightred"
attrs = ["bold"]
mono = ["bold", "reverse"]

[roles."conflict.warning"]
fg = "yellow"
attrs = ["bold"]
mono = ["bold"]

[roles."conflict.info"]
fg = "cyan"
mono = []

[roles.live]
fg = "magenta"
mono = ["bold"]

"""#

    static let dark256TOML = #"""
# helofix theme "dark-256": explicit dark background. fg/bg/attrs for 256-colour terminals,
# fg16/bg16/attrs16 for 16 colours, mono for none.
name = "dark-256"
description = "256 colours on a dark background"

[roles.normal]
fg = "color252"
bg = "color234"
attrs = []
fg16 = "white"
bg16 = "black"
attrs16 = []
mono = []

[roles.dim]
fg = "color244"
bg = "color234"
attrs = []
fg16 = "brightblack"
bg16 = "black"
attrs16 = []
mono = []

[roles.title]
fg = "color231"
bg = "color234"
attrs = ["bold"]
fg16 = "brightwhite"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

[roles.header]
fg = "color231"
bg = "color24"
attrs = ["bold"]
fg16 = "brightwhite"
bg16 = "blue"
attrs16 = ["bold"]
mono = ["reverse"]

[roles.border]
fg = "color240"
bg = "color234"
attrs = []
fg16 = "brightblack"
bg16 = "black"
attrs16 = []
mono = []

[roles."border.focus"]
fg = "color39"
bg = "color234"
attrs = ["bold"]
fg16 = "brightcyan"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

[roles.selection]
fg = "color231"
bg = "color25"
attrs = []
fg16 = "black"
bg16 = "cyan"
attrs16 = []
mono = ["reverse"]

[roles.related]
fg = "color221"
bg = "color236"
attrs = []
fg16 = "yellow"
bg16 = "black"
attrs16 = []
mono = ["underline"]

[roles."status.ok"]
fg = "color114"
bg = "color234"
attrs = ["bold"]
fg16 = "green"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

[roles."status.warn"]
fg = "color221"
bg = "color234"
attrs = ["bold"]
fg16 = "yellow"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

[roles."status.error"]
fg = "color203"
bg = "color234"
attrs = ["bold"]
fg16 = "brightred"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold", "reverse"]

[roles."key.hint"]
fg = "color81"
bg = "color234"
attrs = ["bold"]
fg16 = "cyan"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

[roles.input]
fg = "color231"
bg = "color236"
attrs = ["underline"]
fg16 = "brightwhite"
bg16 = "black"
attrs16 = ["underline"]
mono = ["underline"]

[roles.dialog]
fg = "color252"
bg = "color238"
attrs = []
fg16 = "white"
bg16 = "blue"
attrs16 = []
mono = ["reverse"]

[roles."diff.add"]
fg = "color114"
bg = "color234"
attrs = []
fg16 = "green"
bg16 = "black"
attrs16 = []
mono = ["bold"]

[roles."diff.del"]
fg = "color203"
bg = "color234"
attrs = []
fg16 = "red"
bg16 = "black"
attrs16 = []
mono = ["dim"]

[roles."conflict.critical"]
fg = "color196"
bg = "color234"
attrs = ["bold"]
fg16 = "brightred"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold", "reverse"]

[roles."conflict.warning"]
fg = "color214"
bg = "color234"
attrs = ["bold"]
fg16 = "yellow"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

[roles."conflict.info"]
fg = "color75"
bg = "color234"
attrs = []
fg16 = "cyan"
bg16 = "black"
attrs16 = []
mono = []

[roles.live]
fg = "color177"
bg = "color234"
attrs = []
fg16 = "magenta"
bg16 = "black"
attrs16 = []
mono = ["bold"]

"""#

    static let light256TOML = #"""
# helofix theme "light-256": explicit light background. fg/bg/attrs for 256-colour terminals,
# fg16/bg16/attrs16 for 16 colours, mono for none.
name = "light-256"
description = "256 colours on a light background"

[roles.normal]
fg = "color235"
bg = "color255"
attrs = []
fg16 = "black"
bg16 = "white"
attrs16 = []
mono = []

[roles.dim]
fg = "color245"
bg = "color255"
attrs = []
fg16 = "brightblack"
bg16 = "white"
attrs16 = []
mono = []

[roles.title]
fg = "color16"
bg = "color255"
attrs = ["bold"]
fg16 = "black"
bg16 = "white"
attrs16 = ["bold"]
mono = ["bold"]

[roles.header]
fg = "color231"
bg = "color25"
attrs = ["bold"]
fg16 = "brightwhite"
bg16 = "blue"
attrs16 = ["bold"]
mono = ["reverse"]

[roles.border]
fg = "color249"
bg = "color255"
attrs = []
fg16 = "brightblack"
bg16 = "white"
attrs16 = []
mono = []

[roles."border.focus"]
fg = "color25"
bg = "color255"
attrs = ["bold"]
fg16 = "blue"
bg16 = "white"
attrs16 = ["bold"]
mono = ["bold"]

[roles.selection]
fg = "color16"
bg = "color153"
attrs = []
fg16 = "black"
bg16 = "cyan"
attrs16 = []
mono = ["reverse"]

[roles.related]
fg = "color130"
bg = "color253"
attrs = []
fg16 = "yellow"
bg16 = "white"
attrs16 = []
mono = ["underline"]

[roles."status.ok"]
fg = "color28"
bg = "color255"
attrs = ["bold"]
fg16 = "green"
bg16 = "white"
attrs16 = ["bold"]
mono = ["bold"]

[roles."status.warn"]
fg = "color130"
bg = "color255"
attrs = ["bold"]
fg16 = "yellow"
bg16 = "white"
attrs16 = ["bold"]
mono = ["bold"]

[roles."status.error"]
fg = "color160"
bg = "color255"
attrs = ["bold"]
fg16 = "red"
bg16 = "white"
attrs16 = ["bold"]
mono = ["bold", "reverse"]

[roles."key.hint"]
fg = "color25"
bg = "color255"
attrs = ["bold"]
fg16 = "blue"
bg16 = "white"
attrs16 = ["bold"]
mono = ["bold"]

[roles.input]
fg = "color16"
bg = "color253"
attrs = ["underline"]
fg16 = "black"
bg16 = "white"
attrs16 = ["underline"]
mono = ["underline"]

[roles.dialog]
fg = "color235"
bg = "color252"
attrs = []
fg16 = "black"
bg16 = "cyan"
attrs16 = []
mono = ["reverse"]

[roles."diff.add"]
fg = "color28"
bg = "color255"
attrs = []
fg16 = "green"
bg16 = "white"
attrs16 = []
mono = ["bold"]

[roles."diff.del"]
fg = "color160"
bg = "color255"
attrs = []
fg16 = "red"
bg16 = "white"
attrs16 = []
mono = ["dim"]

[roles."conflict.critical"]
fg = "color160"
bg = "color255"
attrs = ["bold"]
fg16 = "red"
bg16 = "white"
attrs16 = ["bold"]
mono = ["bold", "reverse"]

[roles."conflict.warning"]
fg = "color130"
bg = "color255"
attrs = ["bold"]
fg16 = "yellow"
bg16 = "white"
attrs16 = ["bold"]
mono = ["bold"]

[roles."conflict.info"]
fg = "color25"
bg = "color255"
attrs = []
fg16 = "blue"
bg16 = "white"
attrs16 = []
mono = []

[roles.live]
fg = "color90"
bg = "color255"
attrs = []
fg16 = "magenta"
bg16 = "white"
attrs16 = []
mono = ["bold"]

"""#

    static let highContrastTOML = #"""
# helofix theme "high-contrast": maximum contrast for low vision and bright rooms.
# fg/bg/attrs for 256-colour terminals, fg16/bg16/attrs16 for 16 colours, mono for none.
name = "high-contrast"
description = "Bright colours on black, bold marks"

[roles.normal]
fg = "color231"
bg = "color16"
attrs = []
fg16 = "brightwhite"
bg16 = "black"
attrs16 = []
mono = []

[roles.dim]
fg = "color250"
bg = "color16"
attrs = []
fg16 = "white"
bg16 = "black"
attrs16 = []
mono = []

[roles.title]
fg = "color231"
bg = "color16"
attrs = ["bold", "underline"]
fg16 = "brightwhite"
bg16 = "black"
attrs16 = ["bold", "underline"]
mono = ["bold"]

[roles.header]
fg = "color16"
bg = "color231"
attrs = ["bold"]
fg16 = "black"
bg16 = "brightwhite"
attrs16 = ["bold"]
mono = ["reverse"]

[roles.border]
fg = "color250"
bg = "color16"
attrs = []
fg16 = "white"
bg16 = "black"
attrs16 = []
mono = []

[roles."border.focus"]
fg = "color226"
bg = "color16"
attrs = ["bold"]
fg16 = "brightyellow"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

[roles.selection]
fg = "color16"
bg = "color226"
attrs = ["bold"]
fg16 = "black"
bg16 = "brightyellow"
attrs16 = ["bold"]
mono = ["reverse"]

[roles.related]
fg = "color51"
bg = "color16"
attrs = ["underline"]
fg16 = "brightcyan"
bg16 = "black"
attrs16 = ["underline"]
mono = ["underline"]

[roles."status.ok"]
fg = "color46"
bg = "color16"
attrs = ["bold"]
fg16 = "brightgreen"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

[roles."status.warn"]
fg = "color226"
bg = "color16"
attrs = ["bold"]
fg16 = "brightyellow"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

[roles."status.error"]
fg = "color231"
bg = "color196"
attrs = ["bold"]
fg16 = "brightwhite"
bg16 = "red"
attrs16 = ["bold"]
mono = ["bold", "reverse"]

[roles."key.hint"]
fg = "color226"
bg = "color16"
attrs = ["bold"]
fg16 = "brightyellow"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

[roles.input]
fg = "color231"
bg = "color16"
attrs = ["underline", "bold"]
fg16 = "brightwhite"
bg16 = "black"
attrs16 = ["underline", "bold"]
mono = ["underline"]

[roles.dialog]
fg = "color16"
bg = "color231"
attrs = []
fg16 = "black"
bg16 = "brightwhite"
attrs16 = []
mono = ["reverse"]

[roles."diff.add"]
fg = "color46"
bg = "color16"
attrs = ["bold"]
fg16 = "brightgreen"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

[roles."diff.del"]
fg = "color196"
bg = "color16"
attrs = ["bold"]
fg16 = "brightred"
bg16 = "black"
attrs16 = ["bold"]
mono = ["dim"]

[roles."conflict.critical"]
fg = "color231"
bg = "color196"
attrs = ["bold"]
fg16 = "brightwhite"
bg16 = "red"
attrs16 = ["bold"]
mono = ["bold", "reverse"]

[roles."conflict.warning"]
fg = "color16"
bg = "color226"
attrs = ["bold"]
fg16 = "black"
bg16 = "brightyellow"
attrs16 = ["bold"]
mono = ["bold"]

[roles."conflict.info"]
fg = "color51"
bg = "color16"
attrs = ["bold"]
fg16 = "brightcyan"
bg16 = "black"
attrs16 = ["bold"]
mono = []

[roles.live]
fg = "color213"
bg = "color16"
attrs = ["bold"]
fg16 = "brightmagenta"
bg16 = "black"
attrs16 = ["bold"]
mono = ["bold"]

"""#

    static let monoTOML = #"""
# helofix theme "mono": no colour on any terminal, only attributes (what NO_COLOR also gives).
name = "mono"
description = "No colour at all: attributes only"

[roles.normal]
fg = "default"
bg = "default"
attrs = []
fg16 = "default"
bg16 = "default"
attrs16 = []
mono = []

[roles.dim]
fg = "default"
bg = "default"
attrs = []
fg16 = "default"
bg16 = "default"
attrs16 = []
mono = []

[roles.title]
fg = "default"
bg = "default"
attrs = ["bold"]
fg16 = "default"
bg16 = "default"
attrs16 = ["bold"]
mono = ["bold"]

[roles.header]
fg = "default"
bg = "default"
attrs = ["reverse"]
fg16 = "default"
bg16 = "default"
attrs16 = ["reverse"]
mono = ["reverse"]

[roles.border]
fg = "default"
bg = "default"
attrs = []
fg16 = "default"
bg16 = "default"
attrs16 = []
mono = []

[roles."border.focus"]
fg = "default"
bg = "default"
attrs = ["bold"]
fg16 = "default"
bg16 = "default"
attrs16 = ["bold"]
mono = ["bold"]

[roles.selection]
fg = "default"
bg = "default"
attrs = ["reverse"]
fg16 = "default"
bg16 = "default"
attrs16 = ["reverse"]
mono = ["reverse"]

[roles.related]
fg = "default"
bg = "default"
attrs = ["underline"]
fg16 = "default"
bg16 = "default"
attrs16 = ["underline"]
mono = ["underline"]

[roles."status.ok"]
fg = "default"
bg = "default"
attrs = ["bold"]
fg16 = "default"
bg16 = "default"
attrs16 = ["bold"]
mono = ["bold"]

[roles."status.warn"]
fg = "default"
bg = "default"
attrs = ["bold"]
fg16 = "default"
bg16 = "default"
attrs16 = ["bold"]
mono = ["bold"]

[roles."status.error"]
fg = "default"
bg = "default"
attrs = ["bold", "reverse"]
fg16 = "default"
bg16 = "default"
attrs16 = ["bold", "reverse"]
mono = ["bold", "reverse"]

[roles."key.hint"]
fg = "default"
bg = "default"
attrs = ["bold"]
fg16 = "default"
bg16 = "default"
attrs16 = ["bold"]
mono = ["bold"]

[roles.input]
fg = "default"
bg = "default"
attrs = ["underline"]
fg16 = "default"
bg16 = "default"
attrs16 = ["underline"]
mono = ["underline"]

[roles.dialog]
fg = "default"
bg = "default"
attrs = ["reverse"]
fg16 = "default"
bg16 = "default"
attrs16 = ["reverse"]
mono = ["reverse"]

[roles."diff.add"]
fg = "default"
bg = "default"
attrs = ["bold"]
fg16 = "default"
bg16 = "default"
attrs16 = ["bold"]
mono = ["bold"]

[roles."diff.del"]
fg = "default"
bg = "default"
attrs = ["dim"]
fg16 = "default"
bg16 = "default"
attrs16 = ["dim"]
mono = ["dim"]

[roles."conflict.critical"]
fg = "default"
bg = "default"
attrs = ["bold", "reverse"]
fg16 = "default"
bg16 = "default"
attrs16 = ["bold", "reverse"]
mono = ["bold", "reverse"]

[roles."conflict.warning"]
fg = "default"
bg = "default"
attrs = ["bold"]
fg16 = "default"
bg16 = "default"
attrs16 = ["bold"]
mono = ["bold"]

[roles."conflict.info"]
fg = "default"
bg = "default"
attrs = []
fg16 = "default"
bg16 = "default"
attrs16 = []
mono = []

[roles.live]
fg = "default"
bg = "default"
attrs = ["bold"]
fg16 = "default"
bg16 = "default"
attrs16 = ["bold"]
mono = ["bold"]

"""#
}
