/// The release `helofix inspect --format json --no-dns --root R --log LOG` as a subprocess against
/// `grep -c 'Host impersonating' LOG` and `rg -c` (ripgrep) on the same log, for one log profile:
/// times, the ratios, and inspect's peak RSS.
struct InspectVersusGrep: BenchMeasurement {
    let profile: LogProfile

    func measure(_ setup: BenchSetup) throws -> [ResultRow] {
        guard let log = setup.logs.first(where: { $0.profile == profile }) else { return [] }
        // --no-dns: DNS evidence asks the network (a machine without one waits out every
        // --dns-timeout, which timed the resolver, not helofix: 10 s of 14 s in earlier rows).
        let inspect = [setup.helofix, "inspect", "--format", "json", "--no-dns", "--root", setup.root, "--log", log.path]
        let grep = ["grep", "-c", "Host impersonating", log.path]
        let rg = ["rg", "-c", "Host impersonating", log.path]
        // One untimed round so all three read the log from the page cache.
        _ = try TimedProcess.run(grep, output: setup.scratch)
        let hasRipgrep = (try? TimedProcess.run(rg, output: setup.scratch))?.status == 0
        let warm = try TimedProcess.run(inspect, output: setup.scratch)
        guard warm.status == 0 else { throw BenchError(message: "helofix inspect exited with \(warm.status) on \(setup.root)") }
        var inspectRuns: [TimedProcess] = [], grepRuns: [TimedProcess] = [], rgRuns: [TimedProcess] = []
        for _ in 0..<setup.runs {
            // Alternate, so all see the same machine load.
            inspectRuns.append(try TimedProcess.run(inspect, output: setup.scratch))
            grepRuns.append(try TimedProcess.run(grep, output: setup.scratch))
            if hasRipgrep { rgRuns.append(try TimedProcess.run(rg, output: setup.scratch)) }
        }
        let name = profile.rawValue + ": "
        var rows = [
            ResultRow(name: name + "inspect --format json", values: Statistics(inspectRuns.map(\.seconds)), unit: "s"),
            ResultRow(name: name + "grep -c 'Host impersonating'", values: Statistics(grepRuns.map(\.seconds)), unit: "s"),
        ]
        if hasRipgrep { rows.append(ResultRow(name: name + "rg -c 'Host impersonating'", values: Statistics(rgRuns.map(\.seconds)), unit: "s")) }
        rows.append(ResultRow(name: name + "ratio inspect/grep", values: Statistics(zip(inspectRuns, grepRuns).map { $0.seconds / $1.seconds }),
                              unit: "x", note: "<= 1.0"))
        if hasRipgrep {
            rows.append(ResultRow(name: name + "ratio inspect/rg", values: Statistics(zip(inspectRuns, rgRuns).map { $0.seconds / $1.seconds }), unit: "x"))
        } else {
            rows.append(ResultRow(name: name + "rg -c (not installed: apt-get install ripgrep)", values: Statistics([]), unit: "s"))
        }
        rows.append(ResultRow(name: name + "inspect CPU (user+sys)", values: Statistics(inspectRuns.map(\.cpuSeconds)), unit: "s"))
        rows.append(ResultRow(name: name + "grep CPU (user+sys)", values: Statistics(grepRuns.map(\.cpuSeconds)), unit: "s"))
        rows.append(ResultRow(name: name + "CPU ratio inspect/grep", values: Statistics(zip(inspectRuns, grepRuns).map { $0.cpuSeconds / max($1.cpuSeconds, 0.001) }),
                              unit: "x"))
        rows.append(ResultRow(name: name + "inspect peak RSS", values: Statistics(inspectRuns.map(\.peakRSSMiB)), unit: "MiB", note: "< 150 MiB"))
        return rows
    }
}
