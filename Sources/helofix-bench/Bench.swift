import Foundation

/// What every measurement gets: the generated server, its log, the binary to time and the run count.
struct BenchSetup {
    var root: String
    var log: String
    var helofix: String
    var runs: Int
    var rejections: Int
    /// Where timed programs write their output.
    var scratch: String { root + "/.bench-output" }
}

/// One thing the bench measures; each lives in its own file so new figures (the console's first
/// frame, per-frame times) are added as new types, not edits here.
protocol BenchMeasurement {
    /// Timed rows for the table.
    func measure(_ setup: BenchSetup) throws -> [ResultRow]
}

/// Generates (or reuses) the synthetic server, runs every measurement, prints the table.
struct Bench {
    let options: BenchOptions
    let measurements: [any BenchMeasurement]

    init(options: BenchOptions) throws(BenchError) {
        self.options = options
        measurements = [InspectVersusGrep(), SnapshotReadTime(), ConsoleFrames(),
                        FleetScale(servers: options.fleetServers, domains: options.fleetDomains)]
    }

    func run() throws {
        let setup = try prepare()
        print("helofix-bench: \(options.domains) domains, \(options.logMiB) MiB log (\(setup.rejections) impersonation rejections), \(options.runs) runs")
        print("machine: \(Machine.describe())")
        print("server: \(setup.root)\n")
        print(pad("measurement", 42) + pad("median", 12) + pad("min", 12) + pad("max", 12) + "target")
        for m in measurements {
            for row in try m.measure(setup) { print(row.render()) }
        }
    }

    private func prepare() throws -> BenchSetup {
        let dir = options.dir ?? FileManager.default.temporaryDirectory.path + "/helofix-bench-\(options.domains)-\(options.logMiB)"
        let marker = dir + "/.helofix-bench"
        let log = dir + "/var/log/exim_mainlog"
        let wanted = "domains=\(options.domains) log-mib=\(options.logMiB) format=1"
        var rejections = 0
        if let existing = try? String(contentsOfFile: marker, encoding: .utf8), existing.hasPrefix(wanted + "\n") {
            rejections = Int(existing.split(separator: "\n").last.map(String.init) ?? "") ?? 0
        } else {
            try? FileManager.default.removeItem(atPath: dir)
            printError("generating \(options.domains) domains and a \(options.logMiB) MiB log in \(dir) …\n")
            let seconds = try timeIt {
                try SyntheticServer(root: dir, domains: options.domains).write()
                rejections = try SyntheticLog(path: log, mib: options.logMiB, domains: options.domains).write()
            }
            try ByteWriter.file(marker, wanted + "\n\(rejections)")
            printError("generated in \(fixed(seconds, 1)) s\n")
        }
        return BenchSetup(root: dir, log: log, helofix: try helofixBinary(), runs: options.runs, rejections: rejections)
    }

    private func helofixBinary() throws(BenchError) -> String {
        if let given = options.helofix { return given }
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("helofix").path
        guard FileManager.default.isExecutableFile(atPath: here) else {
            throw BenchError(message: "no helofix binary at \(here); build it first with `swift build -c release --product helofix`, or pass --helofix PATH")
        }
        return here
    }
}

/// The machine the figures come from.
enum Machine {
    static func describe() -> String {
        let cpus = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return "\(cpus) CPUs, \(model)"
    }
}
