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
