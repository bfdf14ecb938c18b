import ProcessLaunch

/// Runs a program (a host path) with arguments and optional standard input; injected so the
/// transaction code never starts processes on its own.
public protocol CommandRunner: Sendable {
    /// Runs `executable` and waits for it.
    func run(_ executable: String, _ arguments: [String], input: [UInt8]?) throws -> CommandOutput
}
