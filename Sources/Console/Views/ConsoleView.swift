/// Draws the whole console for a state into a cell grid of the state's size.
public enum ConsoleView {
    /// The frame for `state`.
    public static func render(_ state: ConsoleState) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        guard state.fitsMinimum else {
            TooSmallView.draw(state, into: &grid)
            return grid
        }
        HeaderView.draw(state, into: &grid)
        if state.screen == .help {
            HelpView.draw(state, into: &grid)
        } else if state.fix != nil {
            FixView.draw(state, into: &grid)
        } else if state.history != nil {
            HistoryView.draw(state, into: &grid)
        } else {
            drawScreen(state, into: &grid)
        }
        MessageLineView.draw(state, into: &grid)
        FooterView.draw(state, into: &grid)
        return grid
    }

    private static func drawScreen(_ state: ConsoleState, into grid: inout CellGrid) {
        switch state.screen {
        case .main:
            PanesView.draw(state, into: &grid)
            LiveStripView.draw(state, into: &grid)
        case .findings: FindingsListView.draw(state, into: &grid)
        case .detail: FindingDetailView.draw(state, into: &grid)
        case .help: break
        }
    }
}
