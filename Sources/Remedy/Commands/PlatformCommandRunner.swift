#if canImport(Glibc)
import Glibc
#endif

/// Runs a plan's platform command: always the host's own program at its fixed path (never one
/// found inside `--root`, which could be a copied or untrusted tree), and only when a runner was
/// given. The CLI gives one only when the root is `/`; for any other root the commands are steps
/// for the admin to run on the server, and tests inject a runner that records the calls.
struct PlatformCommandRunner {
    let runner: (any CommandRunner)?

    /// Throws unless the program is a known platform command the runner can start.
    func check(_ command: PlatformCommand) throws(RemedyError) {
        guard let runner else { return }
        guard PlatformProgram.known.contains(command.program) else {
            throw RemedyError(.unsafeTarget, "\(command.program) is not a platform command helofix runs; nothing was written")
        }
        guard runner.canRun(command.program) else {
            throw RemedyError(.notApplicable, "\(command.program) is missing or not executable on this server, so \"\(command.commandLine)\" cannot run; nothing was written (is the platform installed completely?)")
        }
    }

    /// Runs the command (`nil` when there is no runner: the admin runs it); throws when it cannot
    /// start or exits non-zero.
    @discardableResult
    func run(_ command: PlatformCommand) throws(RemedyError) -> CommandOutput? {
        guard let runner else { return nil }
        try check(command)
        let output: CommandOutput
        do {
            output = try runner.run(command.program, command.arguments, input: nil)
        } catch {
            throw RemedyError(.failed, "cannot start \(command.program): \(error)")
        }
        guard output.status == 0 else {
            let said = (output.stderr + output.stdout).split(separator: "\n").last.map(String.init) ?? "no output"
            throw RemedyError(.failed, "\(command.commandLine) failed (exit \(output.status)): \(said.terminalSafe)")
        }
        return output
    }
}
