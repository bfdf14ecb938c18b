/// The release `helofix inspect --format json --root R` as a subprocess against
/// `grep -c 'Host impersonating' LOG` on the same log: times, their ratio, and inspect's peak RSS.
struct InspectVersusGrep: BenchMeasurement {
    func measure(_ setup: BenchSetup) throws -> [ResultRow] {
        let inspect = [setup.helofix, "inspect", "--format", "json", "--root", setup.root]
        let grep = ["grep", "-c", "Host impersonating", setup.log]
        // One untimed round so both read the log from the page cache.
        _ = try TimedProcess.run(grep, output: setup.scratch)
        let warm = try TimedProcess.run(inspect, output: setup.scratch)
        guard warm.status == 0 else { throw BenchError(message: "helofix inspect exited with \(warm.status) on \(setup.root)") }
        var inspectRuns: [TimedProcess] = [], grepRuns: [TimedProcess] = []
        for _ in 0..<setup.runs {
            // Alternate, so both see the same machine load.
            inspectRuns.append(try TimedProcess.run(inspect, output: setup.scratch))
            grepRuns.append(try TimedProcess.run(grep, output: setup.scratch))
        }
        let ratios = zip(inspectRuns, grepRuns).map { $0.seconds / $1.seconds }
        return [
            ResultRow(name: "inspect --format json", values: Statistics(inspectRuns.map(\.seconds)), unit: "s"),
            ResultRow(name: "grep -c 'Host impersonating'", values: Statistics(grepRuns.map(\.seconds)), unit: "s"),
            ResultRow(name: "ratio inspect/grep", values: Statistics(ratios), unit: "x", note: "<= 1.0"),
            ResultRow(name: "inspect peak RSS", values: Statistics(inspectRuns.map(\.peakRSSMiB)), unit: "MiB", note: "< 150 MiB"),
        ]
    }
}
