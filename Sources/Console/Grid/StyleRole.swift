/// What a cell shows, named by meaning rather than by widget; a theme maps each role to colours.
public enum StyleRole: String, Sendable, CaseIterable, Hashable {
    case normal
    case dim
    case title
    case header
    case border
    case borderFocus = "border.focus"
    case selection
    case related
    case statusOK = "status.ok"
    case statusWarn = "status.warn"
    case statusError = "status.error"
    case keyHint = "key.hint"
    case input
    case dialog
    case diffAdd = "diff.add"
    case diffDel = "diff.del"
    case conflictCritical = "conflict.critical"
    case conflictWarning = "conflict.warning"
    case conflictInfo = "conflict.info"
    case live

    /// One letter per role for the style layer of screen snapshots, so colour regressions show in diffs.
    public var letter: Character {
        switch self {
        case .normal: "."
        case .dim: "d"
        case .title: "T"
        case .header: "H"
        case .border: "b"
        case .borderFocus: "B"
        case .selection: "S"
        case .related: "r"
        case .statusOK: "o"
        case .statusWarn: "w"
        case .statusError: "e"
        case .keyHint: "k"
        case .input: "i"
        case .dialog: "D"
        case .diffAdd: "+"
        case .diffDel: "-"
        case .conflictCritical: "C"
        case .conflictWarning: "W"
        case .conflictInfo: "I"
        case .live: "L"
        }
    }
}
