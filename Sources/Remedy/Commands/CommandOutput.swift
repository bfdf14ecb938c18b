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
