import ProcessLaunch

/// What a command printed and how it ended.
public struct CommandOutput: Sendable, Hashable {
    /// Exit status, and what it printed.
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Creates an output.
    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs a program (a host path) with arguments and optional standard input; injected so the
/// transaction code never starts processes on its own.
public protocol CommandRunner: Sendable {
    /// Runs `executable` and waits for it.
    func run(_ executable: String, _ arguments: [String], input: [UInt8]?) throws -> CommandOutput
}

/// Runs programs with the one process launcher (``ChildProcess``).
public struct ProcessCommandRunner: CommandRunner {
    /// Creates the runner.
    public init() {}

    public func run(_ executable: String, _ arguments: [String], input: [UInt8]?) throws -> CommandOutput {
        let done = try ChildProcess.run([executable] + arguments, input: input)
        return CommandOutput(status: done.status, stdout: done.stdoutText, stderr: done.stderrText)
    }
}
