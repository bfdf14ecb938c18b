import ProcessLaunch
import MailServer

/// Runs programs with the one process launcher (``ChildProcess``).
public struct ProcessCommandRunner: CommandRunner {
    /// Creates the runner.
    public init() {}

    public func run(_ executable: String, _ arguments: [String], input: [UInt8]?) throws -> CommandOutput {
        let done = try ChildProcess.run([executable] + arguments, input: input)
        return CommandOutput(status: done.status, stdout: done.stdoutText, stderr: done.stderrText)
    }
}

extension ProcessCommandRunner {
    /// The runner for platform commands on `root`: they run only on the live server (`/`), from the
    /// host's own paths; for a copy of a server they are steps for the admin to run there (`nil`).
    public static func forPlatformCommands(on root: ServerRoot) -> (any CommandRunner)? {
        root.path == "/" ? ProcessCommandRunner() : nil
    }
}
