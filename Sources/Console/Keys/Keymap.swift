import TOMLKit

/// Key bindings as data: the reducer looks keys up here, and help and footer hints are generated
/// from the same table, so a rebinding in keys.toml shows up everywhere.
public struct Keymap: Sendable, Hashable {
    /// Keys per action, the first one shown in hints.
    public private(set) var bindings: [Action: [Key]]
    private var byKey: [Key: Action]

    /// The built-in bindings: arrows and vi keys, `/` filter, `n`/`N` findings, `?` help, `q` quit.
    public static let standard = Keymap([
        .up: [.up, .character("k")],
        .down: [.down, .character("j")],
        .left: [.left, .character("h")],
        .right: [.right, .character("l")],
        .pageUp: [.pageUp, .control("b")],
        .pageDown: [.pageDown, .control("f"), .character(" ")],
        .top: [.home, .character("g")],
        .bottom: [.end, .character("G")],
        .nextPane: [.tab],
        .previousPane: [.backTab],
        .filter: [.character("/")],
        .nextFinding: [.character("n")],
        .previousFinding: [.character("N")],
        .findings: [.character("f")],
        .open: [.enter],
        .back: [.escape, .backspace],
        .help: [.character("?"), .function(1)],
        .redraw: [.control("l")],
        .quit: [.character("q")],
        .fix: [.character("e")],
        .wizard: [.character("w")],
        .history: [.character("H")],
        .nextServer: [.character("s")],
        .previousServer: [.character("S")],
    ])

    /// Creates a keymap from bindings.
    public init(_ bindings: [Action: [Key]]) {
        self.bindings = bindings
        byKey = [:]
        for action in Action.allCases {
            for key in bindings[action] ?? [] where byKey[key] == nil { byKey[key] = action }
        }
    }

    /// The action bound to `key`.
    public func action(for key: Key) -> Action? { byKey[key] }

    /// The keys of `action`, as names (`Up/k`).
    public func keyNames(_ action: Action) -> String {
        (bindings[action] ?? []).map(\.name).joined(separator: "/")
    }

    /// Footer hints for `actions`: `q quit  ? help  / filter`.
    public func hints(_ actions: [Action]) -> [(key: String, word: String)] {
        actions.compactMap { action in
            guard let first = bindings[action]?.first else { return nil }
            return (first.name, action.hint)
        }
    }

    /// The first key of `action` and `word`, as a footer shows it (`Esc back`); empty when unbound.
    public func hint(_ action: Action, _ word: String) -> String {
        bindings[action]?.first.map { "  \($0.name) \(word)" } ?? ""
    }

    /// `Up/Down` (the first keys of up and down) for "scroll" and "choose" hints.
    public var upDown: String {
        [Action.up, .down].compactMap { bindings[$0]?.first?.name }.joined(separator: "/")
    }

    /// Help lines: keys and what they do, one per action (`actions`, or every action).
    public func helpLines(_ actions: [Action] = Action.allCases) -> [(keys: String, summary: String)] {
        actions.compactMap { action in
            guard bindings[action]?.isEmpty == false else { return nil }
            return (keyNames(action), action.summary)
        }
    }

    /// Applies keys.toml: a `[keys]` table of `action = ["key", ...]`. Unknown actions and key
    /// names are reported as warnings and skipped; the file never stops the console.
    public func overridden(byTOML text: String, file: String) -> (keymap: Keymap, warnings: [String]) {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch {
            return (self, ["\(file): not valid TOML (\(error)); using the standard keys. Fix the file or remove it."])
        }
        var warnings: [String] = []
        var result = bindings
        let keys = table["keys"]?.table ?? table
        for name in keys.keys where name != "keys" {
            guard let action = Action(rawValue: name) else {
                warnings.append("\(file): unknown action \"\(name)\" ignored (known: \(Action.allCases.map(\.rawValue).joined(separator: ", "))).")
                continue
            }
            let names: [String]
            if let one = keys[name]?.string {
                names = [one]
            } else if let many = keys[name]?.array {
                names = many.compactMap { $0.string }
            } else {
                warnings.append("\(file): \"\(name)\" must be a key name or a list of key names; ignored.")
                continue
            }
            var parsed: [Key] = []
            for keyName in names {
                if let key = Key(name: keyName) { parsed.append(key) } else { warnings.append("\(file): unknown key \"\(keyName)\" for \(name) ignored.") }
            }
            if !parsed.isEmpty {
                // A key rebound here leaves the action it had before, so it never does two things.
                for other in result.keys where other != action { result[other]?.removeAll { parsed.contains($0) } }
                result[action] = parsed
            }
        }
        if table["keys"] == nil && !table.keys.isEmpty {
            warnings.append("\(file): bindings belong in a [keys] table; read them anyway.")
        }
        return (Keymap(result), warnings)
    }
}
