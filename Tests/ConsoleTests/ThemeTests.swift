import Console
import Foundation
import Testing

@Suite struct ThemeTests {
    static let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Console/Theme/Themes")

    @Test(arguments: BuiltinThemes.names)
    func everyEmbeddedThemeLoads(_ name: String) throws {
        let text = try #require(BuiltinThemes.source(name), "\(name) is listed but not embedded")
        #expect(text.hasPrefix("# helofix theme \"\(name)\""))
        let (theme, warnings) = try ThemeParser.parse(text, name: name, file: "built-in theme \(name)")
        #expect(theme.name == name)
        #expect(warnings.isEmpty)
    }

    @Test func everyThemeFileIsBuiltIn() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesDirectory.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltinThemes.names))
    }

    @Test(arguments: BuiltinThemes.names)
    func builtInThemesParseCleanlyAndCoverEveryRole(_ name: String) throws {
        let (theme, warnings) = try ThemeCatalog(configDirectory: nil).load(name)
        #expect(warnings.isEmpty)
        #expect(Set(theme.roles.keys) == Set(StyleRole.allCases))
        // Selection and critical marks must be visible without colour.
        let mono = theme.resolved(for: .mono)
        #expect(mono[.selection]?.attributes.contains(.reverse) == true)
        #expect(mono[.conflictCritical]?.attributes.isEmpty == false)
        #expect(mono.values.allSatisfy { $0.foreground == -1 && $0.background == -1 })
    }

    @Test func defaultFollowsTheTerminalBackground() throws {
        let (theme, _) = try ThemeCatalog(configDirectory: nil).load(nil)
        #expect(theme.name == "default")
        for profile in [ColorProfile.ansi256, .ansi16] {
            #expect(theme.resolved(for: profile)[.normal] == ResolvedStyle(foreground: -1, background: -1))
        }
    }

    @Test func colourProfileLadder() {
        #expect(ColorProfile.detect(colors: 256, noColor: "1") == .mono)
        #expect(ColorProfile.detect(colors: 256, noColor: "") == .ansi256)
        #expect(ColorProfile.detect(colors: 16, noColor: nil) == .ansi16)
        #expect(ColorProfile.detect(colors: 8, noColor: nil) == .ansi8)
        #expect(ColorProfile.detect(colors: 0, noColor: nil) == .mono)
    }

    @Test func colourValues() {
        #expect(ThemeColor("default")?.number == -1)
        #expect(ThemeColor("brightred")?.number == 9)
        #expect(ThemeColor("color202")?.number == 202)
        #expect(ThemeColor("#ff0000")?.number == 196)
        #expect(ThemeColor("#808080")?.number == 244)
        #expect(ThemeColor("color256") == nil)
        #expect(ThemeColor("chartreuse") == nil)
    }

    @Test func sixteenAndEightColourFallbacks() throws {
        let (dark, _) = try ThemeCatalog(configDirectory: nil).load("dark-256")
        #expect(dark.resolved(for: .ansi256)[.conflictCritical]?.foreground == 196)
        #expect(dark.resolved(for: .ansi16)[.conflictCritical]?.foreground == 9)
        let eight = dark.resolved(for: .ansi8)[.conflictCritical]
        #expect(eight?.foreground == 1 && eight?.attributes.contains(.bold) == true)
    }

    @Test func unknownKeysRolesAndValuesWarnButNeverFail() throws {
        let toml = """
            name = "mine"
            colour = "blue"
            [roles.normal]
            fg = "chartreuse"
            bg = "default"
            shadow = true
            [roles.sparkle]
            fg = "red"
            [roles."conflict.critical"]
            fg = "#ff8700"
            mono = ["blink", "bold"]
            """
        let (theme, warnings) = try ThemeParser.parse(toml, name: "mine", file: "mine.toml")
        #expect(warnings.count == 5)
        #expect(theme.roles[.conflictCritical]?.foreground == ThemeColor("color208"))
        // Roles it leaves out come from the default theme.
        #expect(theme.resolved(for: .mono)[.selection]?.attributes == .reverse)
    }

    @Test func userThemesDirectoryAndPaths() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helofix-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("themes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "name = \"mine\"\n[roles.title]\nfg = \"red\"\n".write(to: dir.appendingPathComponent("themes/mine.toml"), atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(configDirectory: dir.path)
        #expect(try catalog.load("mine").0.name == "mine")
        #expect(try catalog.load(dir.path + "/themes/mine.toml").0.roles[.title]?.foreground == .index(1))
        #expect(throws: ThemeError.self) { try catalog.load("nope") }
        do {
            _ = try catalog.load("nope")
        } catch {
            #expect(error.description.contains("built-in: default, dark-256"))
        }
        #expect(ThemeCatalog.configDirectory(environment: ["HOME": "/home/a"]) == "/home/a/.config/helofix")
        #expect(ThemeCatalog.configDirectory(environment: ["HOME": "/home/a", "XDG_CONFIG_HOME": "/x"]) == "/x/helofix")
    }

    @Test func keysTomlInTheConfigDirectory() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helofix-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[keys]\nquit = \"x\"\n".write(to: dir.appendingPathComponent("keys.toml"), atomically: true, encoding: .utf8)
        let (keymap, warnings) = ThemeCatalog(configDirectory: dir.path).keymap()
        #expect(warnings.isEmpty)
        #expect(keymap.action(for: .character("x")) == .quit)
    }
}
