import Diagnosis
import MailServer

/// The snapshot read alone (in this process), and the rules over it, without the log.
struct SnapshotReadTime: BenchMeasurement {
    func measure(_ setup: BenchSetup) throws -> [ResultRow] {
        var reads: [Double] = [], rules: [Double] = []
        for _ in 0..<setup.runs {
            var snapshot: ServerSnapshot?
            reads.append(try timeIt { snapshot = try SnapshotReader(root: ServerRoot(setup.root)).read() })
            if let snapshot { rules.append(timeIt { _ = FindingEngine().evaluate(snapshot) }) }
        }
        return [
            ResultRow(name: "snapshot read (in-process)", values: Statistics(reads), unit: "s", note: "<= 0.15 s"),
            ResultRow(name: "rules over the snapshot", values: Statistics(rules), unit: "s"),
        ]
    }
}
