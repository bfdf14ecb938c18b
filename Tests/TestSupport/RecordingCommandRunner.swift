import Foundation
import Remedy

/// A command runner for tests: records every call instead of starting a program, fails the
/// programs it is told to fail, and can play what the platform's tool would do to the test tree
/// (cPanel's `buildeximconf` rewriting `/etc/exim.conf`) in Swift, so no script is ever planted
/// inside a server root.
public final class RecordingCommandRunner: CommandRunner, @unchecked Sendable {
    /// One recorded call.
    public struct Call: Equatable, Sendable {
        public var program: String
        public var arguments: [String]

        public init(program: String, arguments: [String]) {
            self.program = program
            self.arguments = arguments
        }
    }

    private let lock = NSLock()
    private var recorded: [Call] = []
    private let failing: Set<String>
    private let effects: [String: @Sendable ([String]) -> Void]

    /// A runner that can start every program in `PlatformProgram.known`; those in `failing` exit 1
    /// after running their effect (a tool that fails half-way).
    public init(failing: Set<String> = [], effects: [String: @Sendable ([String]) -> Void] = [:]) {
        self.failing = failing
        self.effects = effects
    }

    /// The calls so far, in order.
    public var calls: [Call] { lock.lock(); defer { lock.unlock() }; return recorded }

    public func run(_ executable: String, _ arguments: [String], input: [UInt8]?) throws -> CommandOutput {
        lock.lock()
        recorded.append(Call(program: executable, arguments: arguments))
        lock.unlock()
        effects[executable]?(arguments)
        if failing.contains(executable) { return CommandOutput(status: 1, stdout: "", stderr: "\(executable): simulated failure\n") }
        return CommandOutput(status: 0, stdout: "", stderr: "")
    }

    public func canRun(_ executable: String) -> Bool { PlatformProgram.known.contains(executable) }
}
