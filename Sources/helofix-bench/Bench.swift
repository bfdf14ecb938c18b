import Foundation

/// Generates (or reuses) the synthetic server, runs every measurement, prints the table.
struct Bench {
    let options: BenchOptions
    let measurements: [any BenchMeasurement]

    init(options: BenchOptions) throws(BenchError) {
        self.options = options
        let groups: [(name: String, rows: [any BenchMeasurement])] = [
            ("inspect", options.profiles.map { InspectVersusGrep(profile: $0) } + [SnapshotReadTime()]),
            ("scan", [LogScanCost()]),
            ("console", [ConsoleFrames(), ConsoleResponse()]),
            ("fleet", [FleetScale(servers: options.fleetServers, domains: options.fleetDomains)]),
        ]
        measurements = groups.filter { options.only == nil || $0.name == options.only }.flatMap(\.rows)
    }

    func run() throws {
        if options.generateOnly {
            let setup = try prepare(server: !options.logsOnly)
            print("server: \(setup.root)")
            for log in setup.logs { print("\(log.profile.rawValue) log: \(log.path) (\(log.rejections) impersonation rejections)") }
            return
        }
        let setup = try prepare()
        let logs = setup.logs.map { "\($0.profile.rawValue) \($0.rejections)" }.joined(separator: ", ")
        print("helofix-bench: \(options.domains) domains, \(options.logMiB) MiB logs (impersonation rejections: \(logs)), \(options.runs) runs")
        let load = Machine.loadAverage()
        print("machine: \(Machine.describe()), load average \(load)")
        print("server: \(setup.root)\n")
        print(pad("measurement", 42) + pad("median", 12) + pad("min", 12) + pad("max", 12) + "target")
        var rows: [ResultRow] = []
        for m in measurements {
            for row in try m.measure(setup) {
                print(row.render())
                rows.append(row)
            }
        }
        print(BenchSummary(rows: rows).render(load: load))
    }

    private func prepare(server: Bool = true) throws -> BenchSetup {
        let dir = options.dir ?? FileManager.default.temporaryDirectory.path + "/helofix-bench-\(options.domains)-\(options.logMiB)"
        let marker = dir + "/.helofix-bench"
        let wanted = "domains=\(options.domains) log-mib=\(options.logMiB) format=2" + (server ? "" : " logs-only")
        var known: [String: Int] = [:]
        if let existing = try? String(contentsOfFile: marker, encoding: .utf8), existing.hasPrefix(wanted + "\n") {
            for line in existing.split(separator: "\n").dropFirst() {
                let parts = line.split(separator: " ")
                if parts.count == 2, let n = Int(parts[1]) { known[String(parts[0])] = n }
            }
        } else if !server {
            try? FileManager.default.removeItem(atPath: dir)
        } else {
            try? FileManager.default.removeItem(atPath: dir)
            printError("generating \(options.domains) domains in \(dir) …\n")
            let seconds = try timeIt { try SyntheticServer(root: dir, domains: options.domains).write() }
            printError("generated in \(fixed(seconds, 1)) s\n")
        }
        var logs: [(profile: LogProfile, path: String, rejections: Int)] = []
        for profile in options.profiles {
            let path = dir + profile.logPath
            if let n = known[profile.rawValue] {
                logs.append((profile, path, n))
                continue
            }
            printError("generating the \(profile.rawValue) \(options.logMiB) MiB log …\n")
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var n = 0
            let seconds = try timeIt { n = try SyntheticLog(path: path, mib: options.logMiB, domains: options.domains, profile: profile).write() }
            printError("generated in \(fixed(seconds, 1)) s\n")
            known[profile.rawValue] = n
            logs.append((profile, path, n))
            let lines = known.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            try ByteWriter.file(marker, ([wanted] + lines).joined(separator: "\n") + "\n")
        }
        if known.isEmpty { try ByteWriter.file(marker, wanted + "\n") }
        return BenchSetup(root: dir, logs: logs, helofix: server ? try helofixBinary() : "", runs: options.runs)
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
