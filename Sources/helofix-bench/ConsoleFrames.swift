import Diagnosis
import MailServer

/// The console's first frame and one navigation frame on the synthetic server, as bench rows
/// (targets: first frame < 300 ms, one frame < 5 ms; see ``ConsoleFrameBenchmark``).
struct ConsoleFrames: BenchMeasurement {
    func measure(_ setup: BenchSetup) throws -> [ResultRow] {
        let snapshot = try SnapshotReader(root: ServerRoot(setup.root)).read()
        let findings = FindingEngine().evaluate(snapshot)
        return ConsoleFrameBenchmark.measure(snapshot: snapshot, findings: findings, runs: setup.runs).map {
            ResultRow(name: $0.name, values: Statistics($0.samples), unit: "ms",
                      note: $0.name.contains("first") ? "< 300 ms" : "< 5 ms")
        }
    }
}
