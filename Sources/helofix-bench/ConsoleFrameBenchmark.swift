import Console
import Diagnosis
import MailServer

/// Console timings on a large server: the first frame (snapshot prepared for the panes, findings
/// marked, one frame drawn into the cell grid) and one navigation frame (a key through the reducer
/// plus a full frame). Targets: first frame < 300 ms, one frame < 5 ms.
///
/// Wire into main with, e.g.:
/// `for line in try ConsoleFrameBenchmark.report(root: setup.root, runs: setup.runs) { print(line) }`,
/// or as a row source: `ConsoleFrameBenchmark.measure(snapshot:findings:runs:)` gives name and samples.
enum ConsoleFrameBenchmark {
    /// One measured quantity, in seconds.
    struct Timing {
        var name: String
        var median: Double
        var min: Double
        var max: Double
        /// Every sample, for callers with their own statistics.
        var samples: [Double]

        init(_ name: String, _ samples: [Double]) {
            self.name = name
            self.samples = samples
            let sorted = samples.sorted()
            median = sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
            min = sorted.first ?? 0
            max = sorted.last ?? 0
        }

        /// `name  median  min  max` in milliseconds.
        var line: String {
            func ms(_ v: Double) -> String {
                let hundredths = Int((v * 100_000).rounded())
                return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100) ms"
            }
            return name.padding(to: 44) + ms(median).padding(to: 12) + ms(min).padding(to: 12) + ms(max)
        }
    }

    /// Reads the server at `root`, evaluates the rules, then times the console on it.
    static func report(root: String, runs: Int) throws -> [String] {
        let snapshot = try SnapshotReader(root: ServerRoot(root)).read()
        let findings = FindingEngine().evaluate(snapshot)
        let timings = measure(snapshot: snapshot, findings: findings, runs: max(1, runs))
        return ["console on \(snapshot.domains.count) domains, \(findings.count) findings (median, min, max):"] + timings.map(\.line)
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

private extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
