/// The live log strip: the newest rejection seen since the console started.
enum LiveStripView {
    static func draw(_ state: ConsoleState, into grid: inout CellGrid) {
        let y = state.height - 3
        var x = grid.write(" Live ", x: 0, y: y, role: .title)
        x += 1
        guard let last = state.liveRejections.last else {
            let text: String
            switch state.logStatus {
            case .noLog(let why): text = why
            case .failed(let why): text = why
            case .scanning: text = "scanning the mail log; new rejections will show here"
            case .following: text = "watching the mail log: no new rejections"
            }
            grid.write(TextFit.fit(text, grid.width - x, ellipsis: state.glyphs.ellipsis), x: x, y: y, role: .dim)
            return
        }
        let ip = last.ip?.description ?? "?"
        let count = state.liveRejections.count > 1 ? " (+\(state.liveRejections.count - 1) more)" : ""
        let text = "\(last.time ?? "") \(ip) greeted as \(last.helo): refused\(count)"
        grid.write(TextFit.fit(text, grid.width - x, ellipsis: state.glyphs.ellipsis), x: x, y: y, role: .live)
    }
}
