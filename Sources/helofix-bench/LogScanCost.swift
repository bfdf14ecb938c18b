import MailServer

/// The log scan alone, in this process (no server read, no rules, no JSON): its CPU time on the
/// flood log and on the sparse one (the same size, almost no rejections), `grep -c` on the flood
/// log in the same run, and what one rejection line costs on top of reading the bytes:
/// (flood CPU − sparse CPU) / (flood rejections − sparse rejections), the figure the issue's
/// "under 1 µs per rejection line" is judged by.
struct LogScanCost: BenchMeasurement {
    func measure(_ setup: BenchSetup) throws -> [ResultRow] {
        guard let flood = setup.logs.first(where: { $0.profile == .flood }) else { return [] }
        let sparse = setup.logs.first(where: { $0.profile == .sparse })
        let grep = ["grep", "-c", "Host impersonating", flood.path]
        // One untimed round of each, so every timed one reads from the page cache.
        _ = try TimedProcess.run(grep, output: setup.scratch)
        _ = Self.scan(flood.path)
        if let sparse { _ = Self.scan(sparse.path) }
        var floodWall: [Double] = [], floodCPU: [Double] = [], sparseCPU: [Double] = [], grepCPU: [Double] = [], perLine: [Double] = []
        for _ in 0..<setup.runs {
            // Alternate, so all see the same machine load.
            let f = Self.scan(flood.path)
            floodWall.append(f.wall)
            floodCPU.append(f.cpu)
            grepCPU.append(try TimedProcess.run(grep, output: setup.scratch).cpuSeconds)
            if let sparse {
                let s = Self.scan(sparse.path)
                sparseCPU.append(s.cpu)
                perLine.append(max(0, f.cpu - s.cpu) / Double(max(1, flood.rejections - sparse.rejections)))
            }
        }
        var rows = [
            ResultRow(name: "log scan alone, flood (in-process)", values: Statistics(floodWall), unit: "s"),
            ResultRow(name: "log scan CPU, flood (user+sys)", values: Statistics(floodCPU), unit: "s"),
            ResultRow(name: "grep -c CPU, flood", values: Statistics(grepCPU), unit: "s"),
            ResultRow(name: "CPU ratio log scan/grep, flood", values: Statistics(zip(floodCPU, grepCPU).map { $0 / max($1, 0.001) }), unit: "x"),
        ]
        if sparse != nil {
            rows.append(ResultRow(name: "log scan CPU, sparse (user+sys)", values: Statistics(sparseCPU), unit: "s"))
            rows.append(ResultRow(name: "log scan CPU per rejection line", values: Statistics(perLine), unit: "µs", note: "< 1 µs"))
        }
        return rows
    }

    /// Wall and CPU seconds (every thread of this process) of one scan with the default cores.
    private static func scan(_ path: String) -> (wall: Double, cpu: Double) {
        let cpu = SnapshotReadTime.cpuSeconds()
        // The report is dropped inside the timed closure: freeing it is part of the scan's cost.
        let wall = timeIt { _ = LogScanner().scan([LogFile(argument: path)]) }
        return (wall, SnapshotReadTime.cpuSeconds() - cpu)
    }
}
