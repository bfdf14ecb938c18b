/// A selection and scroll offset in a list of `count` rows shown `page` rows at a time.
public struct ListPosition: Sendable, Hashable {
    /// Selected row (0 when the list is empty).
    public var selected: Int = 0
    /// First row on screen.
    public var top: Int = 0

    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }

    /// Moves the selection by `delta` rows, clamped, and scrolls so it stays visible.
    public mutating func move(by delta: Int, count: Int, page: Int) {
        select(selected + delta, count: count, page: page)
    }

    /// Selects `row` (clamped) and scrolls so it is visible.
    public mutating func select(_ row: Int, count: Int, page: Int) {
        selected = count == 0 ? 0 : min(max(0, row), count - 1)
        scrollIntoView(count: count, page: page)
    }

    /// Keeps the selection on screen after a resize or a new row count.
    public mutating func scrollIntoView(count: Int, page: Int) {
        let page = max(1, page)
        if count == 0 { selected = 0; top = 0; return }
        selected = min(selected, count - 1)
        if selected < top { top = selected }
        if selected >= top + page { top = selected - page + 1 }
        top = max(0, min(top, max(0, count - page)))
    }
}
