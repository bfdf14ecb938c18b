import Foundation

/// What every measurement gets: the generated server, its log, the binary to time and the run count.
struct BenchSetup {
    var root: String
    /// The generated logs and their rejection counts, in the order they are measured.
    var logs: [(profile: LogProfile, path: String, rejections: Int)]
    var helofix: String
    var runs: Int
    /// Where timed programs write their output.
    var scratch: String { root + "/.bench-output" }
}
