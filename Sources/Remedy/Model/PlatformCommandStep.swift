/// A program and its arguments (used for undo steps).
public struct PlatformCommandStep: Sendable, Codable, Hashable {
    /// Server path of the program, and its arguments.
    public var program: String
    public var arguments: [String]

    /// Creates a step.
    public init(program: String, arguments: [String]) {
        self.program = program
        self.arguments = arguments
    }

    /// The step as a command (for running and for rollback plans).
    public func command(why: String) -> PlatformCommand { PlatformCommand(program: program, arguments: arguments, why: why) }
}
