#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnosis
import MailServer

/// The snapshot read alone (in this process), and the rules over it, without the log: wall time,
/// and the process's CPU time (user + system, all threads), which a loaded machine moves far less.
struct SnapshotReadTime: BenchMeasurement {
    func measure(_ setup: BenchSetup) throws -> [ResultRow] {
        var reads: [Double] = [], readCPU: [Double] = [], rules: [Double] = [], rulesCPU: [Double] = []
        for _ in 0..<setup.runs {
            var snapshot: ServerSnapshot?
            var cpu = Self.cpuSeconds()
            reads.append(try timeIt { snapshot = try SnapshotReader(root: ServerRoot(setup.root)).read() })
            readCPU.append(Self.cpuSeconds() - cpu)
            cpu = Self.cpuSeconds()
            if let snapshot { rules.append(timeIt { _ = FindingEngine().evaluate(snapshot) }) }
            rulesCPU.append(Self.cpuSeconds() - cpu)
        }
        return [
            ResultRow(name: "snapshot read (in-process)", values: Statistics(reads), unit: "s", note: "<= 0.15 s"),
            ResultRow(name: "snapshot read CPU (user+sys)", values: Statistics(readCPU), unit: "s", note: "<= 0.15 s"),
            ResultRow(name: "rules over the snapshot", values: Statistics(rules), unit: "s"),
            ResultRow(name: "rules CPU (user+sys)", values: Statistics(rulesCPU), unit: "s"),
        ]
    }

    /// User plus system time of this process so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }
}
