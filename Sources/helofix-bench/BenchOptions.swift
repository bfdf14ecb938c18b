#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line of helofix-bench.
struct BenchOptions {
    /// Hosted domains in the synthetic server.
    var domains = 100_000
    /// Size of the synthetic exim_mainlog.
    var logMiB = 1024
    /// Timed runs per measurement.
    var runs = 5
    /// Where to generate the server (reused when it already holds the same sizes).
    var dir: String?
    /// The helofix binary to time (default: next to this executable).
    var helofix: String?
    /// The log profiles to measure (`--profile sparse|flood|both`).
    var profiles: [LogProfile] = LogProfile.allCases
    /// Write every fixture server (`ServerFixtures`) under this directory and stop: their
    /// `inspect --format json` before and after a speed change must be byte-identical.
    var writeFixtures: String?
    /// Servers and domains per server of the synthetic fleet.
    var fleetServers = 1000
    var fleetDomains = 1000
    /// Only one group of rows (`--only inspect|scan|console|fleet`); every group when nil.
    var only: String?
    /// Generate (or reuse) the server and its logs under `--dir`, print where, and stop: the
    /// scaling table (`docs/tools/scaling.sh`) times many sizes without the bench's own rows.
    var generateOnly = false
    /// With `--generate-only`: the logs alone, no server (a big log for a server generated elsewhere).
    var logsOnly = false

    init(_ args: ArraySlice<String>) throws(BenchError) {
        var rest = args
        while let flag = rest.popFirst() {
            if flag == "--help" || flag == "-h" {
                print("usage: helofix-bench [--domains N] [--log-mib M] [--runs R] [--dir DIR] [--helofix PATH] [--profile sparse|flood|both] [--fleet-servers N] [--fleet-domains N] [--only inspect|scan|console|fleet] [--write-fixtures DIR] [--generate-only [--logs-only]]")
                exit(0)
            }
            if flag == "--generate-only" { generateOnly = true; continue }
            if flag == "--logs-only" { logsOnly = true; continue }
            guard let value = rest.popFirst() else { throw BenchError(message: "\(flag) needs a value") }
            switch flag {
            case "--domains": domains = try Self.number(flag, value)
            case "--log-mib": logMiB = try Self.number(flag, value)
            case "--runs": runs = try Self.number(flag, value)
            case "--dir": dir = value
            case "--helofix": helofix = value
            case "--write-fixtures": writeFixtures = value
            case "--profile":
                if value == "both" { profiles = LogProfile.allCases; continue }
                guard let p = LogProfile(rawValue: value) else { throw BenchError(message: "--profile wants sparse, flood or both, not \(value)") }
                profiles = [p]
            case "--fleet-servers": fleetServers = try Self.number(flag, value)
            case "--fleet-domains": fleetDomains = try Self.number(flag, value)
            case "--only":
                guard ["inspect", "scan", "console", "fleet"].contains(value) else { throw BenchError(message: "--only wants inspect, scan, console or fleet, not \(value)") }
                only = value
            default: throw BenchError(message: "unknown option \(flag); see --help")
            }
        }
    }

    private static func number(_ flag: String, _ value: String) throws(BenchError) -> Int {
        guard let n = Int(value), n > 0 else { throw BenchError(message: "\(flag) wants a positive number, not \(value)") }
        return n
    }
}
