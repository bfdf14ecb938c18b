/// A platform program run as part of a plan, looked up inside the server root.
public struct PlatformCommand: Sendable, Codable, Hashable {
    /// Server path of the program (`/usr/local/cpanel/bin/set_hostname`).
    public var program: String
    /// Its arguments.
    public var arguments: [String]
    /// Why it runs (shown in the plan).
    public var why: String
    /// The command that undoes it, run on rollback after the files are restored (`nil` = nothing to undo).
    public var undo: [PlatformCommandStep]
    /// Files the program is known to rewrite; helofix backs them up before it runs, so their old
    /// content is in the backup store even though the platform, not helofix, writes them.
    public var touches: [String]

    /// Creates a command.
    public init(program: String, arguments: [String], why: String, undo: [PlatformCommandStep] = [], touches: [String] = []) {
        self.program = program
        self.arguments = arguments
        self.why = why
        self.undo = undo
        self.touches = touches
    }

    /// The command as it would be typed.
    public var commandLine: String { ([program] + arguments).joined(separator: " ") }

    /// The command without its undo.
    public var step: PlatformCommandStep { PlatformCommandStep(program: program, arguments: arguments) }
}
