/// Where a row is: pane and index in that pane's rows.
public struct RowAddress: Sendable, Hashable {
    public var pane: Pane
    public var row: Int

    public init(_ pane: Pane, _ row: Int) {
        self.pane = pane
        self.row = row
    }
}
