import ProcessLaunch

/// Runs programs with the one process launcher (``ChildProcess``).
public struct ProcessCommandRunner: CommandRunner {
    /// Creates the runner.
    public init() {}

    public func run(_ executable: String, _ arguments: [String], input: [UInt8]?) throws -> CommandOutput {
        let done = try ChildProcess.run([executable] + arguments, input: input)
        return CommandOutput(status: done.status, stdout: done.stdoutText, stderr: done.stderrText)
    }

    public func run(_ executable: String, _ arguments: [String], input: [UInt8]?, timeout: Duration) throws -> CommandOutput {
        let done = try ChildProcess.run([executable] + arguments, input: input, timeout: timeout)
        if done.timedOut { throw CommandTimedOut(executable: executable, timeout: timeout) }
        return CommandOutput(status: done.status, stdout: done.stdoutText, stderr: done.stderrText)
    }
}
