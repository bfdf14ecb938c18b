#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `helofix fleet --format json` over a synthetic fleet (default 1,000 cPanel servers of 1,000
/// domains each, as the playbook would collect them): wall time and peak memory of the real binary.
/// Every tenth server still lists ten domains of its neighbour (a migration left behind) and its
/// log refuses the neighbour's greeting, so the cross-server rules have real work.
struct FleetScale: BenchMeasurement {
    let servers: Int
    let domains: Int

    func measure(_ setup: BenchSetup) throws -> [ResultRow] {
        let dest = FileManager.default.temporaryDirectory.path + "/helofix-bench-fleet-\(servers)-\(domains)"
        try prepare(dest)
        // DNS is evidence from outside the fleet: its time is the resolver's (answers, rate limits,
        // timeouts), not helofix's reading and cross-checking, which is what this row measures.
        let fleet = [setup.helofix, "fleet", dest, "--format", "json", "--no-dns"]
        let warm = try TimedProcess.run(fleet, output: setup.scratch)
        guard warm.status == 0 else { throw BenchError(message: "helofix fleet exited with \(warm.status) on \(dest)") }
        var runs: [TimedProcess] = []
        var cpu: [Double] = []
        for _ in 0..<max(1, min(setup.runs, 3)) {
            let before = Self.childCPUSeconds()
            runs.append(try TimedProcess.run(fleet, output: setup.scratch))
            cpu.append(Self.childCPUSeconds() - before)
        }
        let label = "fleet \(servers) servers x \(domains) domains"
        return [
            ResultRow(name: label, values: Statistics(runs.map(\.seconds)), unit: "s", note: "< 10 s"),
            // On a shared machine the wall time depends on the load; the CPU time does not.
            ResultRow(name: "fleet CPU time (user + system)", values: Statistics(cpu), unit: "s", note: "< 20 s (2 cores x 10 s)"),
            ResultRow(name: "fleet peak RSS", values: Statistics(runs.map(\.peakRSSMiB)), unit: "MiB", note: "bounded"),
        ]
    }

    /// User plus system time of all waited-for children so far.
    private static func childCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Writes the fleet once; a marker file says which sizes the directory holds.
    private func prepare(_ dest: String) throws {
        let marker = dest + "/.helofix-bench"
        let wanted = "servers=\(servers) domains=\(domains) format=1\n"
        if (try? String(contentsOfFile: marker, encoding: .utf8)) == wanted { return }
        try? FileManager.default.removeItem(atPath: dest)
        printError("generating a fleet of \(servers) servers x \(domains) domains in \(dest) …\n")
        let seconds = try timeIt { for i in 0..<servers { try writeServer(i, under: dest) } }
        try ByteWriter.file(marker, wanted)
        printError("generated in \(fixed(seconds, 1)) s\n")
    }

    private func ip(_ i: Int) -> String { "10.\(i >> 16 & 255).\(i >> 8 & 255).\(i & 255)" }

    private func writeServer(_ i: Int, under dest: String) throws {
        let root = "\(dest)/s\(i)"
        let host = "s\(i).hosts.example"
        for dir in ["/usr/local/cpanel", "/etc", "/var/cpanel", "/var/log"] {
            try FileManager.default.createDirectory(atPath: root + dir, withIntermediateDirectories: true)
        }
        try ByteWriter.file(root + "/etc/hostname", host + "\n")
        try ByteWriter.file(root + "/var/cpanel/mainip", ip(i))
        var local = try ByteWriter(path: root + "/etc/localdomains")
        var owners = try ByteWriter(path: root + "/etc/userdomains")
        local.text(host + "\n")
        for j in 0..<domains {
            local.text("d\(j).s\(i).example\n")
            owners.text("d\(j).s\(i).example: u\(j % 50)\n")
            try local.flushIfLarge()
            try owners.flushIfLarge()
        }
        var log = try ByteWriter(path: root + "/var/log/exim_mainlog")
        if i % 10 == 1 {
            for j in 0..<10 {
                let stale = "d\(j).s\(i - 1).example"
                local.text(stale + "\n")
                log.text("2026-11-25 10:00:0\(j) H=(\(stale)) [\(ip(i - 1))]:5100\(j) rejected MAIL <a@\(stale)>: \"REJECTED - Bad HELO - Host impersonating [\(stale)]\"\n")
            }
        }
        owners.text("*: nobody\n")
        try local.close()
        try owners.close()
        try log.close()
    }
}
