import Console
import Diagnosis
import MailServer

/// Console timings on a large server: the first frame (snapshot prepared for the panes, findings
/// marked, one frame drawn into the cell grid) and one navigation frame (a key through the reducer
/// plus a full frame). Targets: first frame < 300 ms, one frame < 5 ms. ``ConsoleFrames`` makes
/// them rows of the result table.
enum ConsoleFrameBenchmark {
    /// One measured quantity: every sample, in seconds (``Statistics`` summarises them).
    struct Timing {
        var name: String
        var samples: [Double]

        init(_ name: String, _ samples: [Double]) {
            self.name = name
            self.samples = samples
        }
    }

    /// Times the first frame and navigation frames at 120x40.
    static func measure(snapshot: ServerSnapshot, findings: [Finding], runs: Int) -> [Timing] {
        var first: [Double] = []
        var state = ConsoleState(width: 120, height: 40, mode: .readOnly)
        for _ in 0..<runs {
            first.append(seconds {
                var fresh = ConsoleState(width: 120, height: 40, mode: .readOnly)
                _ = ConsoleReducer.reduce(&fresh, .serverRead(snapshot, findings: findings))
                _ = ConsoleView.render(fresh)
                state = fresh
            })
        }
        var down: [Double] = []
        var page: [Double] = []
        for i in 0..<400 {
            down.append(seconds {
                _ = ConsoleReducer.reduce(&state, .key(i % 50 == 49 ? .tab : .down))
                _ = ConsoleView.render(state)
            })
        }
        state.focus = .domains
        for i in 0..<200 {
            page.append(seconds {
                _ = ConsoleReducer.reduce(&state, .key(i == 100 ? .end : .pageDown))
                _ = ConsoleView.render(state)
            })
        }
        return [
            Timing("console first frame (prepare + draw)", first),
            Timing("console frame after a move (key + draw)", down),
            Timing("console frame after a page/end", page),
        ]
    }

    private static func seconds(_ work: () -> Void) -> Double {
        let elapsed = ContinuousClock().measure(work)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
