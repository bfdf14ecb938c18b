/// What a key does. Bindings map keys to actions; the reducer only ever sees actions.
public enum Action: String, Sendable, CaseIterable, Hashable {
    case up, down, left, right
    case pageUp = "page-up"
    case pageDown = "page-down"
    case top, bottom
    case nextPane = "next-pane"
    case previousPane = "previous-pane"
    case filter
    case nextFinding = "next-finding"
    case previousFinding = "previous-finding"
    case findings
    case open
    case back
    case help
    case redraw
    case quit
    case fix
    case wizard
    case history
    case nextServer = "next-server"
    case previousServer = "previous-server"

    /// One line for the help screen.
    public var summary: String {
        switch self {
        case .up: "Move up"
        case .down: "Move down"
        case .left: "Pane to the left"
        case .right: "Pane to the right"
        case .pageUp: "Page up"
        case .pageDown: "Page down"
        case .top: "First row"
        case .bottom: "Last row"
        case .nextPane: "Next pane"
        case .previousPane: "Previous pane"
        case .filter: "Filter rows (Enter keeps, Esc clears)"
        case .nextFinding: "Jump to the next finding"
        case .previousFinding: "Jump to the previous finding"
        case .findings: "List all findings"
        case .open: "Open the selected finding's detail"
        case .back: "Back to the previous screen"
        case .help: "This help"
        case .redraw: "Redraw the screen"
        case .quit: "Quit"
        case .fix: "Fix the selected row or finding (form, diff, confirm, apply)"
        case .wizard: "Guided fix wizard: one finding at a time"
        case .history: "History of changes, with their diffs and rollback"
        case .nextServer: "Fleet: next server only (after the last: all)"
        case .previousServer: "Fleet: previous server only (before the first: all)"
        }
    }

    /// The short word the footer shows.
    public var hint: String {
        switch self {
        case .nextFinding: "finding"
        case .nextPane: "pane"
        case .open: "detail"
        case .findings: "findings"
        case .nextServer: "server"
        case .previousServer: "server"
        default: rawValue
        }
    }
}
