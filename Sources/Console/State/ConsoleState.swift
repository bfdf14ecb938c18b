import Diagnosis
import DomainDNS
import MailServer

/// The console's whole state: what is shown, where the selection is, what the log scan is doing.
/// Changed only by ``ConsoleReducer``.
public struct ConsoleState: Sendable {
    /// Terminal size.
    public var width: Int
    public var height: Int
    /// Edit, read-only or demo.
    public var mode: ConsoleMode
    /// The prepared rows and findings.
    public private(set) var data: ConsoleData
    /// Whether a snapshot has arrived yet.
    public var loaded: Bool
    /// Whether the panes show the server's first read while its findings are still being worked
    /// out (the rows come first so a large server fills the screen sooner): nothing may say
    /// "no findings" until they arrive.
    public var findingsPending = false
    /// Which screen is up.
    public var screen: Screen
    /// The screen to return to from help.
    public var previousScreen: Screen
    /// The focused pane.
    public var focus: Pane
    /// Selection per pane (indexes into ``visible``).
    public var positions: [ListPosition]
    /// Row indexes shown per pane after the filter.
    public private(set) var visible: [[Int]]
    /// The filter text (case-insensitive substring).
    public private(set) var filter: String
    /// Whether the filter line has the keyboard.
    public var editingFilter: Bool
    /// In a fleet, the one server whose rows and findings are shown (`nil`: all servers).
    public private(set) var serverFilter: Int? = nil
    /// Indexes (into ``ConsoleData/listed(_:)``) of the findings the list shows: all of them, or
    /// in a fleet with a server chosen, those that concern it.
    public private(set) var visibleFindings: [Int] = []
    /// Selection in the findings list.
    public var findingsPosition: ListPosition
    /// The finding the detail screen shows.
    public var detailFindingID: String?
    /// Where Esc on the detail screen returns to.
    public var detailOrigin: Screen
    /// The finding `n`/`N` last jumped to on the main screen.
    public var lastJumpedFinding: Int?
    /// Scroll offset of the detail and help screens.
    public var detailScroll: Int
    public var helpScroll: Int
    /// The mail log scan.
    public var logStatus: LogScanStatus
    /// Newest live rejections last (a few are kept).
    public var liveRejections: [Rejection]
    /// A one-line message (errors in the error role).
    public var message: (text: String, isError: Bool)?
    /// The key bindings (help and hints come from them).
    public var keymap: Keymap
    /// Box characters (ASCII when the locale is not UTF-8).
    public var glyphs: Glyphs
    /// The fix (or wizard) in progress, drawn over the screen; `nil` when none.
    public var fix: FixFlow? = nil
    /// The history screen, when open.
    public var history: HistoryScreen? = nil
    /// Whether an exim binary exists under the root, so a fix can offer "verify with Exim".
    public var eximAvailable = false
    /// Where the domains' mail really goes, as DNS answers arrive.
    public var dns: DNSLookupStatus = .notAsked

    /// What a key that needs the findings says while they are being worked out.
    public static let findingsPendingText = "The findings are still being worked out; try again in a moment."

    /// How many live rejections are kept.
    public static let liveLimit = 20

    /// A console of the given size before any data has arrived.
    public init(width: Int, height: Int, mode: ConsoleMode, keymap: Keymap = .standard, glyphs: Glyphs = .unicode) {
        self.width = width
        self.height = height
        self.mode = mode
        data = ConsoleData()
        loaded = false
        screen = .main
        previousScreen = .main
        focus = .domains
        positions = Array(repeating: ListPosition(), count: 3)
        visible = [[], [], []]
        filter = ""
        editingFilter = false
        findingsPosition = ListPosition()
        detailFindingID = nil
        detailOrigin = .main
        lastJumpedFinding = nil
        detailScroll = 0
        helpScroll = 0
        logStatus = .noLog("no mail log")
        liveRejections = []
        message = nil
        self.keymap = keymap
        self.glyphs = glyphs
    }

    /// Replaces the data, keeping the selected rows (by text) and the filter.
    public mutating func replaceData(_ new: ConsoleData) {
        let kept = Pane.allCases.map { selectedRow(in: $0).map { data.rows[$0.pane.rawValue][$0.row].text } }
        data = new
        loaded = true
        applyFilter()
        for pane in Pane.allCases {
            guard let text = kept[pane.rawValue] else { continue }
            let rows = data.rows[pane.rawValue]
            if let at = visible[pane.rawValue].firstIndex(where: { rows[$0].text == text }) {
                positions[pane.rawValue].select(at, count: visible[pane.rawValue].count, page: paneRows)
            }
        }
        findingsPosition.scrollIntoView(count: visibleFindings.count, page: listRows)
    }

    /// Shows one server of the fleet (`nil`: all of them) in the panes and the findings list.
    public mutating func setServerFilter(_ server: Int?) {
        serverFilter = server
        applyFilter()
        findingsPosition.select(0, count: visibleFindings.count, page: listRows)
    }

    /// Sets the filter and recomputes the visible rows (O(rows), once per keystroke, not per frame).
    public mutating func setFilter(_ text: String) {
        filter = text
        applyFilter()
    }

    private mutating func applyFilter() {
        let needle = filter.lowercased()
        if let fleet = data.fleet, let chosen = serverFilter, chosen >= fleet.servers.count { serverFilter = nil }
        let server = data.fleet != nil ? serverFilter.map(Int32.init) : nil
        for pane in Pane.allCases {
            let rows = data.rows[pane.rawValue]
            if let server, let owners = data.fleet?.rowServer[pane.rawValue] {
                visible[pane.rawValue] = rows.indices.filter { owners[$0] == server && (needle.isEmpty || rows[$0].matches(needle)) }
            } else {
                visible[pane.rawValue] = needle.isEmpty
                    ? Array(rows.indices)
                    : rows.indices.filter { rows[$0].matches(needle) }
            }
            positions[pane.rawValue].scrollIntoView(count: visible[pane.rawValue].count, page: paneRows)
        }
        if let server, let name = data.fleet?.servers[Int(server)].name {
            visibleFindings = (0..<data.listedCount).filter { data.listed($0).involves(name) }
        } else {
            visibleFindings = Array(0..<data.listedCount)
        }
    }

    /// The selected row of `pane`, if the pane has rows.
    public func selectedRow(in pane: Pane) -> RowAddress? {
        let shown = visible[pane.rawValue]
        let at = positions[pane.rawValue].selected
        return at < shown.count ? RowAddress(pane, shown[at]) : nil
    }

    /// The single-server finding the detail screen shows, if it still exists (its index in the list).
    public var detailFinding: (index: Int, finding: Finding)? {
        guard let (index, entry) = detailListed, case .server(let finding, _) = entry else { return nil }
        return (index, finding)
    }

    /// The entry the detail screen shows, if it still exists, with its index in ``ConsoleData/listed(_:)``.
    public var detailListed: (index: Int, entry: ListedFinding)? {
        guard let id = detailFindingID else { return nil }
        guard data.fleet != nil else {
            guard let i = data.findings.firstIndex(where: { $0.id == id }) else { return nil }
            return (i, .server(data.findings[i], server: nil))
        }
        guard let i = (0..<data.listedCount).first(where: { data.listed($0).id == id }) else { return nil }
        return (i, data.listed(i))
    }

    /// The selected entry of the findings list, as an index into ``ConsoleData/listed(_:)``.
    public var selectedListed: Int? {
        let at = findingsPosition.selected
        return at < visibleFindings.count ? visibleFindings[at] : nil
    }

    // MARK: - Layout (shared by the reducer's paging and the views)

    /// The smallest terminal the console draws in.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    /// Whether the terminal is big enough.
    public var fitsMinimum: Bool { width >= Self.minimumWidth && height >= Self.minimumHeight }

    /// Content rows of a pane: header, live strip, message line, footer and two borders taken away.
    public var paneRows: Int { max(1, height - 6) }

    /// Rows of a full-screen list (findings, detail, help): header, title, message, footer taken away.
    public var listRows: Int { max(1, height - 4) }
}
