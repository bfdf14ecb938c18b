/// Why the console could not open or ended in error: one line for the admin, and the exit status.
public struct ConsoleLaunchError: Error, Sendable {
    /// What happened and what to do.
    public var message: String
    /// The exit status (2 for a bad terminal, theme or root; 1 when recovery failed).
    public var status: Int32

    /// Creates the error.
    public init(_ message: String, status: Int32 = 2) {
        self.message = message
        self.status = status
    }
}
