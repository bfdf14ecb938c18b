import Foundation

/// The machine the figures come from.
enum Machine {
    static func describe() -> String {
        let cpus = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
        return "\(cpus) CPUs, \(model)"
    }

    /// The 1-minute load average: other work on the machine slows every timed program alike.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.map(String.init) ?? "unknown"
    }
}
