import ProcessLaunch
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program (a host path) with arguments and optional standard input; injected so the
/// transaction code never starts processes on its own.
public protocol CommandRunner: Sendable {
    /// Runs `executable` and waits for it.
    func run(_ executable: String, _ arguments: [String], input: [UInt8]?) throws -> CommandOutput
    /// Whether `executable` can be started (checked before anything is written).
    func canRun(_ executable: String) -> Bool
    /// Runs `executable` and waits at most `timeout`: then it is killed and ``CommandTimedOut`` thrown.
    func run(_ executable: String, _ arguments: [String], input: [UInt8]?, timeout: Duration) throws -> CommandOutput
}

extension CommandRunner {
    /// An executable file at that host path.
    public func canRun(_ executable: String) -> Bool { access(executable, X_OK) == 0 }

    /// A runner that cannot bound time waits as long as the program runs.
    public func run(_ executable: String, _ arguments: [String], input: [UInt8]?, timeout: Duration) throws -> CommandOutput {
        try run(executable, arguments, input: input)
    }
}
