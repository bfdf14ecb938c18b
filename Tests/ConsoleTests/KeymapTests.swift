import Console
import Testing

@Suite struct KeymapTests {
    @Test func keyNamesRoundTrip() {
        for name in ["q", "?", "Up", "PgDn", "Enter", "Esc", "Tab", "S-Tab", "C-l", "F1", "Space", "Backspace"] {
            #expect(Key(name: name)?.name == name)
        }
        #expect(Key(name: "nonsense") == nil)
    }

    @Test func keysTomlRebindsAndWarnsAboutUnknowns() {
        let toml = """
            [keys]
            quit = ["x", "C-q"]
            down = "J"
            fly = ["w"]
            up = ["Hyper-k"]
            """
        let (keymap, warnings) = Keymap.standard.overridden(byTOML: toml, file: "keys.toml")
        #expect(keymap.action(for: .character("x")) == .quit)
        #expect(keymap.action(for: .control("q")) == .quit)
        #expect(keymap.action(for: .character("q")) == nil)
        #expect(keymap.action(for: .character("J")) == .down)
        #expect(keymap.action(for: .up) == .up)  // the bad binding left the standard ones alone
        #expect(warnings.count == 2)
        #expect(warnings.contains { $0.contains("unknown action \"fly\"") })
        #expect(warnings.contains { $0.contains("unknown key \"Hyper-k\"") })
        // Help and hints come from the same table.
        #expect(keymap.helpLines().contains { $0.keys == "x/C-q" && $0.summary == "Quit" })
        #expect(keymap.hints([.quit]).first?.key == "x")
    }

    @Test func reboundKeyLeavesItsOldAction() {
        let (keymap, _) = Keymap.standard.overridden(byTOML: "[keys]\nquit = [\"j\"]\n", file: "k")
        #expect(keymap.action(for: .character("j")) == .quit)
        #expect(keymap.bindings[.down] == [.down])
    }

    @Test func brokenTomlKeepsTheStandardKeys() {
        let (keymap, warnings) = Keymap.standard.overridden(byTOML: "[keys\nquit=", file: "keys.toml")
        #expect(keymap == .standard)
        #expect(warnings.first?.contains("not valid TOML") == true)
    }
}
