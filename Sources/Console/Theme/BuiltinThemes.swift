/// The built-in themes: the files in `Theme/Themes/*.toml`, embedded in the binary by the
/// package manager (`resources: [.embedInCode(...)]`), so the program needs no files beside it
/// and the TOML files are the only copy.
public enum BuiltinThemes {
    /// Names in the order `--help` lists them.
    public static let names = ["default", "dark-256", "light-256", "high-contrast", "mono"]

    /// The TOML text of a built-in theme.
    public static func source(_ name: String) -> String? {
        let bytes: [UInt8]
        switch name {
        case "default": bytes = PackageResources.default_toml
        case "dark-256": bytes = PackageResources.dark_256_toml
        case "light-256": bytes = PackageResources.light_256_toml
        case "high-contrast": bytes = PackageResources.high_contrast_toml
        case "mono": bytes = PackageResources.mono_toml
        default: return nil
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The parsed `default` theme, the fallback for roles other themes leave out.
    public static let defaultTheme: Theme = {
        // Every embedded theme is parsed by the tests; a parse failure here is a build defect.
        let text = source("default") ?? ""
        return (try? ThemeParser.parse(text, name: "default", file: "built-in default").0) ?? Theme(name: "default", roles: [:])
    }()
}
