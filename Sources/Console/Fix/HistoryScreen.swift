import Remedy

/// The history screen: every transaction with who, when and what, its diff, and rollback.
/// Lives in ``ConsoleState/history`` while it is open.
public struct HistoryScreen: Sendable {
    /// Transactions, newest first.
    public var records: [TransactionRecord]
    /// Whether the history has been read yet.
    public var loaded: Bool
    /// The selection.
    public var position: ListPosition
    /// The transaction whose diff is shown, with the diff's lines.
    public var diff: (id: String, lines: [String])?
    /// Scroll offset of the diff.
    public var scroll: Int

    /// An empty history waiting for ``FixEvent/historyLoaded(_:)``.
    public init() {
        records = []
        loaded = false
        position = ListPosition()
        diff = nil
        scroll = 0
    }

    /// The selected transaction.
    public var selected: TransactionRecord? {
        position.selected < records.count ? records[position.selected] : nil
    }
}

/// Keys on the history screen (read as plain keys: the screen has its own small set).
enum HistoryKeys {
    static func handle(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var history = state.history else { return [] }
        let page = max(1, state.listRows - 2)
        if history.diff != nil {
            switch key {
            case .up, .character("k"): history.scroll = max(0, history.scroll - 1)
            case .down, .character("j"): history.scroll += 1
            case .pageUp: history.scroll = max(0, history.scroll - page)
            case .pageDown, .character(" "): history.scroll += page
            case .escape, .backspace, .enter: history.diff = nil
            case .character("r"): return rollback(&state)
            case .character("q"): return [.quit]
            default: break
            }
            state.history = history
            return []
        }
        let count = history.records.count
        switch key {
        case .up, .character("k"): history.position.move(by: -1, count: count, page: page)
        case .down, .character("j"): history.position.move(by: 1, count: count, page: page)
        case .pageUp: history.position.move(by: -page, count: count, page: page)
        case .pageDown: history.position.move(by: page, count: count, page: page)
        case .home, .character("g"): history.position.select(0, count: count, page: page)
        case .end, .character("G"): history.position.select(count - 1, count: count, page: page)
        case .enter:
            guard let record = history.selected else { return [] }
            state.history = history
            return [.fix(.loadDiff(id: record.id))]
        case .character("r"):
            state.history = history
            return rollback(&state)
        case .escape, .backspace, .character("H"):
            state.history = nil
            state.message = nil
            return []
        case .character("q"): return [.quit]
        case .control("l"): return [.redrawScreen]
        default: break
        }
        state.history = history
        return []
    }

    /// Opens the rollback of the selected transaction: its plan, then a confirmation.
    private static func rollback(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let record = state.history?.selected else { return [] }
        guard state.mode.allowsChanges else {
            state.message = (FixText.readOnly, false)
            return []
        }
        guard record.state == .committed else {
            state.message = ("Transaction \(record.id) is \(record.state.rawValue); only a committed transaction can be rolled back.", true)
            return []
        }
        var flow = FixFlow(step: .preview, finding: nil, subject: "\(record.id): \(record.title)",
                           options: [FixOption(kind: .rollback(id: record.id), title: "Roll back \(record.id)", tradeOff: "")])
        flow.kind = .rollback(id: record.id)
        flow.plan = .planning(.rollback(record.id))
        state.fix = flow
        state.message = nil
        return [.fix(.plan(.rollback(record.id)))]
    }
}
