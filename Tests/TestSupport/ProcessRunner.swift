import Foundation
import ProcessLaunch

/// Runs a program and collects its output (through the one launcher, which drains both pipes
/// together, so large output cannot block).
public enum ProcessRunner {
    /// Runs `command + arguments`; `environment` is added to this process's own.
    @discardableResult
    public static func run(_ command: [String], arguments: [String] = [], stdin: String? = nil,
                           environment: [String: String]? = nil) throws -> HelofixBinary.Result {
        let done = try ChildProcess.run(command + arguments, input: stdin.map { Array($0.utf8) } ?? [],
                                        environment: environment.map { ProcessInfo.processInfo.environment.merging($0) { $1 } })
        return .init(status: done.status, stdout: done.stdoutText, stderr: done.stderrText)
    }
}
